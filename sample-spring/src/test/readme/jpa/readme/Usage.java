package readme;

import dev.warden.jpa.query.JpaFilters;
import dev.warden.jpa.query.WardenSpecification;
import dev.warden.runtime.SecurityContext;
import dev.warden.runtime.UserIdentity;
import fixture.shop.Invoice;
import fixture.shop.SecuredInvoice;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Root;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;

/** Not in the README: the variables its statements use, with the test shop of jpa/src/test/java/fixture. */
class Usage {
    interface Invoices extends JpaRepository<Invoice, Long>, JpaSpecificationExecutor<Invoice> {}

    void workedExample(EntityManagerFactory factory) {
        // README: worked-example
    }

    void queries(EntityManager em, Invoices invoices) {
        // README: queries
    }
}
