@Module(name = "Docs", roles = {"Reader", "Editor", "Auditor", "Lister", "Guest"})
package docs;

import dev.warden.annotations.Module;
