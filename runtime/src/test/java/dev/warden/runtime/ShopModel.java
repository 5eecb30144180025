package dev.warden.runtime;

import dev.warden.annotations.SecurityLevel;

/** An application model as the processor generates them: a subclass with a public no-arg constructor. */
public class ShopModel extends ApplicationModel {
    /** The shop, at level PRODUCTION. */
    public ShopModel() {
        super(Shop.model(SecurityLevel.PRODUCTION));
    }

    /** A second model, to have two registered. */
    public static final class Other extends ApplicationModel {
        /** Another application. */
        public Other() {
            super(ApplicationModel.builder("OtherApp").userRole("User"));
        }
    }
}
