package dev.warden.benchmarks.spring;

/** The signed-in user as the Spring expressions see it: {@code principal.id}, {@code principal.region}. */
public final class BenchPrincipal {
    private final Long id;
    private final String region;

    public BenchPrincipal(Long id, String region) {
        this.id = id;
        this.region = region;
    }

    public Long getId() {
        return id;
    }

    public String getRegion() {
        return region;
    }

    @Override
    public String toString() {
        return "BenchPrincipal[" + id + "]";
    }
}
