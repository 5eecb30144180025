package dev.warden.benchmarks.spring;

import org.springframework.security.access.prepost.PreAuthorize;

/**
 * {@link dev.warden.benchmarks.fixture.Document} with the same rules written the Spring Security way: a
 * {@code @PreAuthorize} expression on each getter, enforced when the object comes back through an
 * {@code @AuthorizeReturnObject} method. {@code this} in an expression is the wrapped object.
 */
public class SpringDocument {
    private Long id;
    private String title;
    private String body;
    private Long owner;
    private String region;

    public SpringDocument() {}

    public SpringDocument(Long id, String title, String body, Long owner, String region) {
        this.id = id;
        this.title = title;
        this.body = body;
        this.owner = owner;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    /** Rules 1, 2 and 4 of Document: managers and readers always; regional users in their region. */
    @PreAuthorize("hasRole('MANAGER') or hasRole('READER') or (hasRole('REGIONAL') and this.region == principal.region)")
    public String getTitle() {
        return title;
    }

    /** Rules 1, 3 and 4 of Document: managers; readers who own it; regional users in their region. */
    @PreAuthorize("hasRole('MANAGER') or (hasRole('READER') and this.owner == principal.id)"
            + " or (hasRole('REGIONAL') and this.region == principal.region)")
    public String getBody() {
        return body;
    }

    public Long getOwner() {
        return owner;
    }

    public String getRegion() {
        return region;
    }
}
