package dev.warden.spring.security;

import dev.warden.runtime.ApplicationModel;

/** The application of the bridge's tests: Long ids, an anonymous role, two custom tokens. */
final class ShopModel {
    private ShopModel() {}

    static ApplicationModel withGuests() {
        return base().anonymousRole("Guest").build();
    }

    static ApplicationModel withoutGuests() {
        return base().build();
    }

    private static ApplicationModel.Builder base() {
        return ApplicationModel.builder("ShopApplication")
                .userRole("Administrator", "Sales.Manager")
                .userRole("SalesRep", "Sales.Rep")
                .userRole("Customer", "Sales.Customer")
                .userRole("Guest", "Sales.Guest")
                .userIdType(Long.class)
                .token("Region", String.class)
                .token("Tenant", Long.class);
    }
}
