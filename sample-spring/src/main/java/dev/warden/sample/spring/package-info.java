/**
 * The Spring sample: the shop's invoices as JPA entities secured by Warden, behind a REST API with HTTP basic.
 * Spring Security says who the user is; Warden (through warden-jpa in Hibernate and the starter) decides what they see
 * and change.
 */
@Module(name = "Shop", roles = {"Manager", "Clerk", "Auditor"})
package dev.warden.sample.spring;

import dev.warden.annotations.Module;
