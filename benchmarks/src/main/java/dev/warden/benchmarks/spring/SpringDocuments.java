package dev.warden.benchmarks.spring;

import java.util.Map;
import org.springframework.security.authorization.method.AuthorizeReturnObject;

/** The repository-like bean that hands out documents wrapped in Spring Security's authorization proxies. */
public class SpringDocuments {
    private final Map<Long, SpringDocument> documents;

    public SpringDocuments(Map<Long, SpringDocument> documents) {
        this.documents = Map.copyOf(documents);
    }

    /** The document, wrapped so that its {@code @PreAuthorize} getters are enforced. */
    @AuthorizeReturnObject
    public SpringDocument find(Long id) {
        return documents.get(id);
    }
}
