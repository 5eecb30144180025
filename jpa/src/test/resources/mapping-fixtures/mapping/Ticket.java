package mapping;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Enums as JPA stores them: the ordinal by default and with ORDINAL, the name with STRING. */
@Entity
@Table(name = "ticket")
@SecuredEntity
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[priority = 'HIGH']")
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[severity = 'LOW']")
@AccessRule(roles = "Manager", defaultAccess = Access.READ, constraint = "[urgency != 'MEDIUM']")
public class Ticket {
    @Id
    private Long id;
    private Level priority;
    @Enumerated(EnumType.STRING)
    @Column(columnDefinition = "varchar(20)")
    private Level severity;
    @Enumerated(EnumType.ORDINAL)
    private Level urgency;

    public Ticket() {}

    public Ticket(Long id, Level priority, Level severity, Level urgency) {
        this.id = id;
        this.priority = priority;
        this.severity = severity;
        this.urgency = urgency;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Level getPriority() { return priority; }
    public void setPriority(Level priority) { this.priority = priority; }
    public Level getSeverity() { return severity; }
    public void setSeverity(Level severity) { this.severity = severity; }
    public Level getUrgency() { return urgency; }
    public void setUrgency(Level urgency) { this.urgency = urgency; }
}
