package dev.warden.processor.model;

import java.util.Objects;

/**
 * A member annotation that makes Warden fill the member in (security model §6, "System members" and "Presets"):
 * {@code @ChangedBy}, {@code @CreatedDate}, {@code @ChangedDate} or {@code @Preset(token = ...)}. ({@code @Owner} is
 * read as before, into {@link MemberModel#owner()}.)
 *
 * @param kind which annotation
 * @param token for {@code @Preset}, the token's name as written; else {@code null}
 * @param location the annotation on the member
 */
public record SystemMarker(Kind kind, String token, SourceLocation location) {

    /** The annotations that make Warden fill a member in. */
    public enum Kind {
        CHANGED_BY("ChangedBy", WardenAnnotations.CHANGED_BY),
        CREATED_DATE("CreatedDate", WardenAnnotations.CREATED_DATE),
        CHANGED_DATE("ChangedDate", WardenAnnotations.CHANGED_DATE),
        PRESET("Preset", WardenAnnotations.PRESET);

        private final String simpleName;
        private final String annotationType;

        Kind(String simpleName, String annotationType) {
            this.simpleName = simpleName;
            this.annotationType = annotationType;
        }

        /** The annotation's simple name, {@code ChangedBy}. */
        public String simpleName() {
            return simpleName;
        }

        /** The annotation's qualified name. */
        public String annotationType() {
            return annotationType;
        }

        /** Whether the member holds a moment ({@code @CreatedDate}, {@code @ChangedDate}). */
        public boolean isDate() {
            return this == CREATED_DATE || this == CHANGED_DATE;
        }
    }

    public SystemMarker {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(location, "location");
    }

    /** How messages name it: {@code @ChangedBy}, {@code @Preset(token = "Tenant")}. */
    public String describe() {
        return kind == Kind.PRESET ? "@Preset(token = \"" + token + "\")" : "@" + kind.simpleName();
    }
}
