package dev.warden.processor.constraint;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A member path such as {@code customer/accountManager}: one or more member names separated by {@code /},
 * always starting at the entity the constraint is written on.
 */
public record Path(List<Segment> segments, Span span) implements Node {
    public Path {
        segments = List.copyOf(segments);
        if (segments.isEmpty()) {
            throw new IllegalArgumentException("a path has at least one segment");
        }
    }

    /** One member name in a path. */
    public record Segment(String name, Span span) implements Node {}

    /** The first segment: a member of the root entity. */
    public Segment first() {
        return segments.get(0);
    }

    /** The last segment: the member whose value the path denotes. */
    public Segment last() {
        return segments.get(segments.size() - 1);
    }

    /** The path as written, without spaces: {@code customer/accountManager}. */
    public String text() {
        return segments.stream().map(Segment::name).collect(Collectors.joining("/"));
    }

    @Override
    public String toString() {
        return text();
    }
}
