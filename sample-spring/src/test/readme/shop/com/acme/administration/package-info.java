@Module(name = "Administration", roles = {"Admin", "Staff"})
package com.acme.administration;

import dev.warden.annotations.Module;
