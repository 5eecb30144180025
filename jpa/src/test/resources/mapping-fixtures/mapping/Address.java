package mapping;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** An embeddable: its columns are in the table of the entity that embeds it. */
@Embeddable
public class Address {
    private String city;
    @Column(name = "street_line")
    private String street;
    private Level zone;

    public Address() {}

    public Address(String city, String street, Level zone) {
        this.city = city;
        this.street = street;
        this.zone = zone;
    }

    public String getCity() { return city; }
    public void setCity(String city) { this.city = city; }
    public String getStreet() { return street; }
    public void setStreet(String street) { this.street = street; }
    public Level getZone() { return zone; }
    public void setZone(Level zone) { this.zone = zone; }
}
