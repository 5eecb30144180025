@Module(name = "Mapping", roles = {"Clerk", "Manager"})
package mapping;

import dev.warden.annotations.Module;
