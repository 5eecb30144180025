package dev.warden.sample.spring;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The shop's use cases, with no security code: Warden's read filter puts the read rules into every query's WHERE
 * clause (plain {@code findAll} lists only the invoices the signed-in user may read), and Warden judges every row and
 * every flushed change as that user. A denied write throws Warden's AccessDeniedException
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
        return invoices.findAll(Sort.by("id"));
    }

    /** A page of the readable invoices: Spring Data's count query is filtered too, so the total is theirs. */
    @Transactional(readOnly = true)
    public Page<Invoice> page(int page, int size) {
        return invoices.findAll(PageRequest.of(page, size, Sort.by("id")));
    }

    @Transactional(readOnly = true)
    public Optional<Invoice> find(long id) {
        return readable(id);
    }

    /**
     * The invoice with that id when the user may read it; one they may not is not found (404, not 403). A query (here
     * the application's own Specification), not {@code findById}: Warden filters queries in SQL, so an invoice the user
     * may not read is absent, where {@code findById} (a load by key) would refuse it with a 403.
     */
    private Optional<Invoice> readable(long id) {
        Specification<Invoice> withId = (root, query, cb) -> cb.equal(root.get("id"), id);
        return invoices.findOne(withId);
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
