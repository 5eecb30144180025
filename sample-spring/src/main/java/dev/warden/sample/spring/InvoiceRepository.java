package dev.warden.sample.spring;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * A plain Spring Data repository. Queries that may meet rows the user must not see take Warden's
 * {@code WardenSpecification.readable()} (the read rules as a WHERE clause); Warden's safety net in Hibernate refuses
 * any row that still reaches the application unfiltered, and its flush checks refuse every write the user may not
 * make.
 */
public interface InvoiceRepository extends JpaRepository<Invoice, Long>, JpaSpecificationExecutor<Invoice> {}
