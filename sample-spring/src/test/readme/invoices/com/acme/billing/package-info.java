@Module(name = "Billing", roles = {"Clerk", "Auditor"})
package com.acme.billing;

import dev.warden.annotations.Module;
