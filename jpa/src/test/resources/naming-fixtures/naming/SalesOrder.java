package naming;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.OneToMany;
import java.util.HashSet;
import java.util.Set;

/**
 * Nothing named but one column, so the schema is the naming's: under Hibernate's defaults the table SalesOrder,
 * the columns customerName and deliveryNote, the foreign key account_accountNumber, the link tables
 * SalesOrder_OrderLabel(SalesOrder_id, labels_id) and SalesOrder_Account(SalesOrder_id, watchers_accountNumber), the
 * embedded postCode; under Spring Boot's sales_order, customer_name, delivery_note (the given name rewritten),
 * account_account_number, sales_order_labels(sales_order_id, labels_id), sales_order_watchers(sales_order_id,
 * watchers_account_number), post_code.
 */
@Entity
@SecuredEntity
@AccessRule(roles = "Clerk", defaultAccess = Access.READ,
        constraint = "[customerName = 'Ada' or deliveryNote = 'rush']")
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[labels/labelText = 'vip']")
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[shipTo/postCode = '0150']")
@AccessRule(roles = "Manager", defaultAccess = Access.READ, constraint = "[account/accountName = 'big']")
@AccessRule(roles = "Manager", defaultAccess = Access.READ, constraint = "[watchers/accountName = 'small']")
public class SalesOrder {
    @Id
    private Long id;
    private String customerName;
    @Column(name = "deliveryNote")
    private String deliveryNote;
    @ManyToOne
    private Account account;
    @ManyToMany
    private Set<OrderLabel> labels = new HashSet<>();
    @OneToMany
    private Set<Account> watchers = new HashSet<>();
    private ShippingAddress shipTo;

    public SalesOrder() {}

    public SalesOrder(Long id, String customerName, String deliveryNote, Account account, Set<OrderLabel> labels,
            Set<Account> watchers, ShippingAddress shipTo) {
        this.id = id;
        this.customerName = customerName;
        this.deliveryNote = deliveryNote;
        this.account = account;
        this.labels = labels;
        this.watchers = watchers;
        this.shipTo = shipTo;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getCustomerName() { return customerName; }
    public void setCustomerName(String customerName) { this.customerName = customerName; }
    public String getDeliveryNote() { return deliveryNote; }
    public void setDeliveryNote(String deliveryNote) { this.deliveryNote = deliveryNote; }
    public Account getAccount() { return account; }
    public void setAccount(Account account) { this.account = account; }
    public Set<OrderLabel> getLabels() { return labels; }
    public void setLabels(Set<OrderLabel> labels) { this.labels = labels; }
    public Set<Account> getWatchers() { return watchers; }
    public void setWatchers(Set<Account> watchers) { this.watchers = watchers; }
    public ShippingAddress getShipTo() { return shipTo; }
    public void setShipTo(ShippingAddress shipTo) { this.shipTo = shipTo; }
}
