package docs;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import java.time.Instant;

/**
 * A secret document: judged by its own rules, also through queries of Doc (generalization). Stored in Doc's table
 * (single-table inheritance), which Warden's SQL mapping is told here.
 */
@Entity
@DiscriminatorValue("Secret")
@SecuredEntity(table = "doc")
@AccessRule(roles = "Reader", defaultAccess = Access.READ, constraint = "[owner = '[%CurrentUser%]'][level < 3]")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ)
public class Secret extends Doc {
    private int level;

    public Secret() {}

    public Secret(Long id, String title, Long owner, int level, Folder folder) {
        super(id, title, owner, Status.FINAL, null, 1, Instant.parse("2024-05-05T10:00:00Z"), folder);
        this.level = level;
    }

    public int getLevel() { return level; }
    public void setLevel(int level) { this.level = level; }
}
