package dev.warden.runtime.data;

import dev.warden.runtime.EntityMember;

/** The members of {@link Sales.Customer}, as the processor generates {@code CustomerPolicy.Member}. */
public enum CustomerMember implements EntityMember {
    ID("id"),
    NAME("name"),
    ACCOUNT_MANAGER("accountManager");

    private final String memberName;

    CustomerMember(String memberName) {
        this.memberName = memberName;
    }

    @Override
    public String memberName() {
        return memberName;
    }
}
