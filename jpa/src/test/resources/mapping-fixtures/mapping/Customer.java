package mapping;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.SecuredEntity;
import jakarta.persistence.AttributeOverride;
import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;

/**
 * Embedded members: paths into the embeddable ({@code address/city}) compare its columns in the customer's table,
 * under the embeddable's names ({@code city}, its {@code @Column} {@code street_line}, the ordinal {@code zone}) or
 * the {@code @AttributeOverride}s; a customer whose embeddable is null (all its columns NULL) has null values there.
 */
@Entity
@SecuredEntity
@AccessRule(roles = "Clerk", defaultAccess = Access.READ, constraint = "[address/city = 'Oslo']")
@AccessRule(roles = "Clerk", defaultAccess = Access.READ,
        constraint = "[billing/street = empty and billing/zone = 'HIGH']")
@AccessRule(roles = "Manager", defaultAccess = Access.READ,
        constraint = "[address/zone != 'LOW' and billing/city != address/city]")
public class Customer {
    @Id
    private Long id;
    private String name;
    // an @Embeddable type is embedded without @Embedded too
    private Address address;
    @Embedded
    @AttributeOverride(name = "city", column = @Column(name = "billing_city"))
    @AttributeOverride(name = "street", column = @Column(name = "billing_street"))
    @AttributeOverride(name = "zone", column = @Column(name = "billing_zone"))
    private Address billing;

    public Customer() {}

    public Customer(Long id, Address address, Address billing) {
        this.id = id;
        this.name = "customer " + id;
        this.address = address;
        this.billing = billing;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Address getAddress() { return address; }
    public void setAddress(Address address) { this.address = address; }
    public Address getBilling() { return billing; }
    public void setBilling(Address billing) { this.billing = billing; }
}
