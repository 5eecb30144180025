package dev.warden.sample.spring;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/**
 * A plain Spring Data repository, with nothing of Warden's in it. Every query it runs ({@code findAll}, paging,
 * {@code count}, {@code exists}, Specifications) gets the read rules in its WHERE clause from Warden's read filter;
 * Warden's safety net in Hibernate refuses a row that reaches the application by another way ({@code findById} of an
 * invoice the user may not read: 403), and its flush checks refuse every write the user may not make.
 */
public interface InvoiceRepository extends JpaRepository<Invoice, Long>, JpaSpecificationExecutor<Invoice> {}
