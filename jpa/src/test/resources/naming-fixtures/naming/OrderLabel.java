package naming;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

@Entity
@SecuredEntity
@AccessRule(roles = {"Clerk", "Manager"}, defaultAccess = Access.READ)
public class OrderLabel {
    @Id
    private Long id;
    private String labelText;

    public OrderLabel() {}

    public OrderLabel(Long id, String labelText) {
        this.id = id;
        this.labelText = labelText;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getLabelText() { return labelText; }
    public void setLabelText(String labelText) { this.labelText = labelText; }
}
