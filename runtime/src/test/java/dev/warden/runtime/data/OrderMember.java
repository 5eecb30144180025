package dev.warden.runtime.data;

import dev.warden.runtime.EntityMember;

/**
 * The members of {@link Sales.Order}, as the processor generates {@code OrderPolicy.Member}: in the order of
 * {@link Sales#ORDER_RULES}, each with its name.
 */
public enum OrderMember implements EntityMember {
    ID("id"),
    CUSTOMER("customer"),
    OWNER("owner"),
    REGION("region"),
    STATUS("status"),
    TOTAL("total"),
    NOTE("note"),
    CREATED("created"),
    /** Calculated: no column. */
    LABEL("label");

    private final String memberName;

    OrderMember(String memberName) {
        this.memberName = memberName;
    }

    @Override
    public String memberName() {
        return memberName;
    }
}
