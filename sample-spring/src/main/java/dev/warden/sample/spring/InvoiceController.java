package dev.warden.sample.spring;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.data.domain.Page;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The REST API: GET /api/invoices, GET /api/invoices/{id}, POST /api/invoices, PATCH /api/invoices/{id}. */
@RestController
@RequestMapping("/api/invoices")
public class InvoiceController {
    private final InvoiceService service;

    public InvoiceController(InvoiceService service) {
        this.service = service;
    }

    /** What an invoice looks like in the API. */
    public record InvoiceView(Long id, Long owner, String customer, Long amount, Boolean paid, String note) {
        static InvoiceView of(Invoice invoice) {
            return new InvoiceView(invoice.getId(), invoice.getOwner(), invoice.getCustomer(), invoice.getAmount(),
                    invoice.getPaid(), invoice.getNote());
        }
    }

    /** A new invoice; its owner is the user who creates it. */
    public record NewInvoice(String customer, Long amount, String note) {}

    @GetMapping
    public List<InvoiceView> list() {
        return service.list().stream().map(InvoiceView::of).toList();
    }

    /** One page of the invoices the user may read, and how many there are in all. */
    public record InvoicePage(List<InvoiceView> invoices, long total) {}

    @GetMapping("/page/{page}")
    public InvoicePage page(@PathVariable int page, @RequestParam(defaultValue = "2") int size) {
        Page<Invoice> found = service.page(page, size);
        return new InvoicePage(found.getContent().stream().map(InvoiceView::of).toList(), found.getTotalElements());
    }

    @GetMapping("/{id}")
    public ResponseEntity<InvoiceView> get(@PathVariable long id) {
        return ResponseEntity.of(service.find(id).map(InvoiceView::of));
    }

    @PostMapping
    public ResponseEntity<InvoiceView> create(@AuthenticationPrincipal ShopUser user, @RequestBody NewInvoice body) {
        InvoiceView created = InvoiceView.of(service.create(user.getId(), body.customer(), body.amount(), body.note()));
        return ResponseEntity.created(URI.create("/api/invoices/" + created.id())).body(created);
    }

    @PatchMapping("/{id}")
    public ResponseEntity<InvoiceView> update(@PathVariable long id, @RequestBody Map<String, Object> changes) {
        return ResponseEntity.of(service.update(id, changes).map(InvoiceView::of));
    }
}
