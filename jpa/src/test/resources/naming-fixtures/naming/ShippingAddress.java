package naming;

import jakarta.persistence.Embeddable;

@Embeddable
public class ShippingAddress {
    private String postCode;

    public ShippingAddress() {}

    public ShippingAddress(String postCode) {
        this.postCode = postCode;
    }

    public String getPostCode() { return postCode; }
    public void setPostCode(String postCode) { this.postCode = postCode; }
}
