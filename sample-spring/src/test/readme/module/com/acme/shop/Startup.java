package com.acme.shop;

import dev.warden.runtime.SecurityContext;

/** Not in the README: code of the named module that uses the runtime. */
public final class Startup {
    public static SecurityContext.Scope system() {
        return SecurityContext.system();
    }
}
