package com.acme;

import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import java.util.List;

/** Not in the README: the variables its statements use, as parameters. */
class Accounts {
    void canManage(SecurityContext context, UserIdentity targetUser) {
        // README: can-manage
    }
}
