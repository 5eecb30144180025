/**
 * The tests' application: notes that their writers own, that writers of the same region may read, and that
 * anyone may read once published, without their body. Compiled with the Warden processor, as a user's is.
 */
@Module(name = "Notes", roles = {"Admin", "Writer", "Reader"})
package dev.warden.spring.boot.notes;

import dev.warden.annotations.Module;
