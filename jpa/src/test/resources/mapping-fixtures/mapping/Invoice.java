package mapping;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/**
 * A table in another schema ({@code billing.invoice}) and a link table in a catalog and schema
 * ({@code MAPPING.billing.invoice_ticket}, the catalog being H2's database): the SQL names them qualified. The
 * customer rule follows an association into the customer's embeddable.
 */
@Entity
@Table(name = "invoice", schema = "billing")
@SecuredEntity
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[customer/address/city = 'Oslo']")
@AccessRule(roles = "Manager", defaultAccess = Access.READ, constraint = "[tickets/priority = 'HIGH']")
public class Invoice {
    @Id
    private Long id;
    @ManyToOne
    @JoinColumn(name = "customer_ref")
    private Customer customer;
    @ManyToMany
    @JoinTable(name = "invoice_ticket", schema = "billing", catalog = "MAPPING",
            joinColumns = @JoinColumn(name = "invoice_id"), inverseJoinColumns = @JoinColumn(name = "ticket_id"))
    private Set<Ticket> tickets = new HashSet<>();

    public Invoice() {}

    public Invoice(Long id, Customer customer, Set<Ticket> tickets) {
        this.id = id;
        this.customer = customer;
        this.tickets = tickets;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Customer getCustomer() { return customer; }
    public void setCustomer(Customer customer) { this.customer = customer; }
    public Set<Ticket> getTickets() { return tickets; }
    public void setTickets(Set<Ticket> tickets) { this.tickets = tickets; }
}
