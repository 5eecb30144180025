package docs;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A folder of documents. */
@Entity
@Table(name = "folder")
@SecuredEntity
@AccessRule(roles = "Reader", defaultAccess = Access.READ, constraint = "[team = '[%Team%]']")
@AccessRule(roles = "Editor", defaultAccess = Access.READ, constraint = "[docs]")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ, constraint = "[not(docs[status = 'DRAFT'])]")
@AccessRule(roles = "Lister", defaultAccess = Access.READ,
        constraint = "[created >= '[%BeginOfCurrentYear%] - 5 * [%YearLength%]'][month-from-dateTime(created) != 2]")
public class Folder {
    @Id
    private Long id;
    private String name;
    private String team;
    private LocalDate created;
    @OneToMany(mappedBy = "folder")
    private List<Doc> docs = new ArrayList<>();

    public Folder() {}

    public Folder(Long id, String name, String team, LocalDate created) {
        this.id = id;
        this.name = name;
        this.team = team;
        this.created = created;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getTeam() { return team; }
    public void setTeam(String team) { this.team = team; }
    public LocalDate getCreated() { return created; }
    public void setCreated(LocalDate created) { this.created = created; }
    public List<Doc> getDocs() { return docs; }
    public void setDocs(List<Doc> docs) { this.docs = docs; }
}
