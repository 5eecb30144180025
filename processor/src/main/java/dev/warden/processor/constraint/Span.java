package dev.warden.processor.constraint;

/**
 * A region of the constraint text: {@code length} chars from {@code offset} (UTF-16 indices into the
 * original string, as {@link String#substring(int, int)} uses them).
 */
public record Span(int offset, int length) {
    public Span {
        if (offset < 0 || length < 0) {
            throw new IllegalArgumentException("negative span " + offset + "+" + length);
        }
    }

    /** The span from {@code start} (inclusive) to {@code end} (exclusive). */
    public static Span between(int start, int end) {
        return new Span(start, Math.max(0, end - start));
    }

    /** The smallest span covering both. */
    public static Span covering(Span first, Span last) {
        return between(Math.min(first.offset, last.offset), Math.max(first.end(), last.end()));
    }

    /** The index just after the span. */
    public int end() {
        return offset + length;
    }

    /** The text the span covers, clamped to {@code text}. */
    public String of(String text) {
        int start = Math.min(offset, text.length());
        return text.substring(start, Math.min(end(), text.length()));
    }
}
