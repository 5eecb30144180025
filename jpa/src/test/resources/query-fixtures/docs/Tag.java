package docs;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;

/** A tag on a document. */
@Entity
@Table(name = "tag")
@SecuredEntity
@AccessRule(roles = "Reader", defaultAccess = Access.READ,
        constraint = "[doc/owner = '[%CurrentUser%]' or doc = '[%CurrentUser%]']")
@AccessRule(roles = {"Editor", "Auditor", "Lister"}, defaultAccess = Access.READ, constraint = "[weight != empty]")
public class Tag {
    @Id
    private Long id;
    private String label;
    private Integer weight;
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "doc_id")
    private Doc doc;

    public Tag() {}

    public Tag(Long id, Doc doc, String label, Integer weight) {
        this.id = id;
        this.doc = doc;
        this.label = label;
        this.weight = weight;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getLabel() { return label; }
    public void setLabel(String label) { this.label = label; }
    public Integer getWeight() { return weight; }
    public void setWeight(Integer weight) { this.weight = weight; }
    public Doc getDoc() { return doc; }
    public void setDoc(Doc doc) { this.doc = doc; }
}
