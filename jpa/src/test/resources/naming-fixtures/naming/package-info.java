@Module(name = "Naming", roles = {"Clerk", "Manager"})
package naming;

import dev.warden.annotations.Module;
