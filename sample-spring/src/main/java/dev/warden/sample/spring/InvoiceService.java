package dev.warden.sample.spring;

import dev.warden.jpa.query.WardenSpecification;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's use cases. No security code beyond asking for readable rows: Warden judges every row and every flushed
 * change as the signed-in user. A denied write throws Warden's AccessDeniedException
 * at the flush, the transaction rolls back, and the starter answers 403.
 */
@Service
public class InvoiceService {
    private final InvoiceRepository invoices;

    public InvoiceService(InvoiceRepository invoices) {
        this.invoices = invoices;
    }

    @Transactional(readOnly = true)
    public List<Invoice> list() {
        return invoices.findAll(WardenSpecification.readable(), Sort.by("id"));
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(long id) {
        return readable(id);
    }

    /** The invoice with that id when the user may read it; one they may not is not found (404, not 403). */
    private Optional<Invoice> readable(long id) {
        Specification<Invoice> withId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return invoices.findOne(WardenSpecification.<Invoice>readable().and(withId));
    }

    @Transactional
    public Invoice create(Long owner, String customer, Long amount, String note) {
        Invoice invoice = new Invoice(owner, customer, amount, null);
        invoice.setNote(note);
        return invoices.saveAndFlush(invoice);
    }

    /** Applies the changed fields (customer, amount, paid, note) of an existing invoice; empty when not visible. */
    @Transactional
    public Optional<Invoice> update(long id, Map<String, Object> changes) {
        Optional<Invoice> found = readable(id);
        found.ifPresent(invoice -> {
            changes.forEach((field, value) -> {
                switch (field) {
                    case "customer" -> invoice.setCustomer((String) value);
                    case "note" -> invoice.setNote((String) value);
                    case "amount" -> invoice.setAmount(value == null ? null : ((Number) value).longValue());
                    case "paid" -> invoice.setPaid((Boolean) value);
                    default -> throw new IllegalArgumentException("unknown field " + field);
                }
            });
            invoices.flush();
        });
        return found;
    }
}
