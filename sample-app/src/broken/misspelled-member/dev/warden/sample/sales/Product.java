package dev.warden.sample.sales;

import dev.warden.annotations.Access;
import dev.warden.annotations.AccessRule;
import dev.warden.annotations.Member;
import dev.warden.annotations.MemberAccess;
import dev.warden.annotations.SecuredEntity;
import java.math.BigDecimal;

/**
 * A product in the catalogue. Managers keep the catalogue; everyone else sees the active products, read-only,
 * and customers and guests never see what a product costs the shop.
 */
@SecuredEntity
@AccessRule(roles = "Manager", create = true, delete = true, defaultAccess = Access.READ,
        members = {@Member(name = "name", access = Access.READ_WRITE), @Member(name = "price", access = Access.READ_WRITE),
                   @Member(name = "costprice", access = Access.READ_WRITE), @Member(name = "active", access = Access.READ_WRITE)})  // expect: WARDEN-E004
@AccessRule(roles = {"Rep", "Customer", "Guest"}, defaultAccess = Access.READ, constraint = "[active = true()]")
public class Product {
    private Long id;
    private String name;
    private BigDecimal price;
    @MemberAccess(roles = {"Customer", "Guest"}, value = Access.NONE)
    private BigDecimal costPrice;
    private Boolean active;

    public Long getId() {
        return id;
    }

    public void setId(Long id) {
        this.id = id;
    }

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    /** The selling price. */
    public BigDecimal getPrice() {
        return price;
    }

    public void setPrice(BigDecimal price) {
        this.price = price;
    }

    /** What the product costs the shop: hidden from customers and guests. */
    public BigDecimal getCostPrice() {
        return costPrice;
    }

    public void setCostPrice(BigDecimal costPrice) {
        this.costPrice = costPrice;
    }

    /** Whether it is for sale; inactive products are seen by managers only. */
    public Boolean getActive() {
        return active;
    }

    public void setActive(Boolean active) {
        this.active = active;
    }
}
