package docs;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Owner;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Column;
import jakarta.persistence.DiscriminatorColumn;
import jakarta.persistence.DiscriminatorValue;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Inheritance;
import jakarta.persistence.InheritanceType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A document: an owner constraint, a token through a to-one path, a sub-constraint on a to-many, nulls, functions. */
@Entity
@Table(name = "doc")
@Inheritance(strategy = InheritanceType.SINGLE_TABLE)
@DiscriminatorColumn(name = "kind")
@DiscriminatorValue("Doc")
@SecuredEntity
@AccessRule(roles = "Reader", defaultAccess = Access.READ, constraint = "[owner = '[%CurrentUser%]']")
@AccessRule(roles = "Reader", defaultAccess = Access.READ,
        constraint = "[folder/team = '[%Team%]'][status != 'DRAFT']")
@AccessRule(roles = "Editor", defaultAccess = Access.READ, constraint = "[tags[label = 'urgent' and weight > 2]]")
@AccessRule(roles = "Editor", defaultAccess = Access.READ,
        constraint = "[reviewer != 'bob' and pages >= 10 or reviewer = title]")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ,
        constraint = "[contains(title, 'İSTANBUL') or ends-with(title, '_x')]")
@AccessRule(roles = "Auditor", defaultAccess = Access.READ,
        constraint = "[year-from-dateTime(created) = 2024][string-length(title) < 12]")
@AccessRule(roles = "Lister", defaultAccess = Access.READ, constraint = "[folder/docs/reviewer = 'ann']")
@AccessRule(roles = "Lister", defaultAccess = Access.READ,
        constraint = "['[%UserRole_Boss%]'][pages > 100 or folder = empty]")
public class Doc {
    @Id
    private Long id;
    private String title;
    @Owner
    private Long owner;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(20)")  // not H2's ENUM type, which Warden's SQL mapping does not take yet
    private Status status;
    private String reviewer;
    private int pages;
    private Instant created;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "folder_id")
    private Folder folder;
    @OneToMany(mappedBy = "doc")
    private List<Tag> tags = new ArrayList<>();

    public Doc() {}

    public Doc(Long id, String title, Long owner, Status status, String reviewer, int pages, Instant created,
            Folder folder) {
        this.id = id;
        this.title = title;
        this.owner = owner;
        this.status = status;
        this.reviewer = reviewer;
        this.pages = pages;
        this.created = created;
        this.folder = folder;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public Long getOwner() { return owner; }
    public void setOwner(Long owner) { this.owner = owner; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public String getReviewer() { return reviewer; }
    public void setReviewer(String reviewer) { this.reviewer = reviewer; }
    public int getPages() { return pages; }
    public void setPages(int pages) { this.pages = pages; }
    public Instant getCreated() { return created; }
    public void setCreated(Instant created) { this.created = created; }
    public Folder getFolder() { return folder; }
    public void setFolder(Folder folder) { this.folder = folder; }
    public List<Tag> getTags() { return tags; }
    public void setTags(List<Tag> tags) { this.tags = tags; }
}
