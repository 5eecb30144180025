/** The shop's employees. */
@Module(name = "Administration", roles = {"Admin", "Staff"})
package dev.warden.sample.administration;

import dev.warden.annotations.Module;
