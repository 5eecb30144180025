package dev.warden.processor.constraint;

import java.util.Objects;

/**
 * How the entities of a constraint are stored, for {@link SqlConstraintCompiler}: tables, key columns, attribute
 * and foreign-key columns, and how to-many associations are stored. Entities are named by their qualified class
 * names ({@link EntityShape#qualifiedName()}), members by their names ({@link MemberShape#name()}).
 *
 * <p>Every name is written into the SQL unquoted, exactly as given; the caller validates them as plain
 * identifiers (a table may be schema-qualified: {@code sales.orders}).
 */
public interface SqlSchema {

    /** The entity's table, e.g. {@code orders}. */
    String table(String entityQualifiedName);

    /** The entity's key column, e.g. {@code id}; to-one associations to the entity reference it. */
    String keyColumn(String entityQualifiedName);

    /**
     * The column of a member in the entity's own table: an attribute's column, or a to-one association's foreign-key
     * column ({@code customer_id}); null when the member has no column (a to-many association, a calculated member).
     */
    String column(String entityQualifiedName, String member);

    /**
     * How an enum member is stored: {@link EnumStorage#NAME} (Warden's own tables, JPA {@code @Enumerated(STRING)})
     * or {@link EnumStorage#ORDINAL} (JPA's default). Only asked for enum members.
     */
    default EnumStorage enumStorage(String entityQualifiedName, String member) {
        return EnumStorage.NAME;
    }

    /**
     * Whether the member's column holds what a JPA attribute converter ({@code @Convert}) made of its value, so a
     * literal cannot be compared with it in SQL.
     */
    default boolean converted(String entityQualifiedName, String member) {
        return false;
    }

    /** A constraint compares a member whose storage the SQL cannot compare with (see {@link #converted}). */
    final class UnsupportedMappingException extends RuntimeException {
        private final String entity;
        private final String member;
        private final String hint;

        public UnsupportedMappingException(String entity, String member, String reason, String hint) {
            super(reason);
            this.entity = entity;
            this.member = member;
            this.hint = hint;
        }

        /** How the user can fix it. */
        public String hint() {
            return hint;
        }

        /** The qualified name of the entity. */
        public String entity() {
            return entity;
        }

        /** The member's name. */
        public String member() {
            return member;
        }
    }

    /** How an enum is stored in its column. */
    enum EnumStorage {
        /** The constant's {@code name()}, in a character column. */
        NAME,
        /** The constant's {@code ordinal()}, in an integer column. */
        ORDINAL
    }

    /** How a to-many association of the entity is stored; only asked for to-many associations. */
    ToMany toMany(String entityQualifiedName, String member);

    /**
     * How a to-many association is stored.
     *
     * <ul>
     *   <li>One-to-many: {@code joinTable} is null; {@code ownerColumn} is the foreign-key column in the target
     *       (child) table that references the owner's key; {@code targetColumn} is null.</li>
     *   <li>Many-to-many: {@code joinTable} is the link table; {@code ownerColumn} (in it) references the owner's
     *       key, {@code targetColumn} (in it) references the target's key.</li>
     * </ul>
     */
    record ToMany(String joinTable, String ownerColumn, String targetColumn) {
        public ToMany {
            Objects.requireNonNull(ownerColumn, "ownerColumn");
            if ((joinTable == null) != (targetColumn == null)) {
                throw new IllegalArgumentException("a join table and a target column go together: joinTable="
                        + joinTable + ", targetColumn=" + targetColumn);
            }
        }

        /** One-to-many through {@code childColumn}, the target table's column that references the owner's key. */
        public static ToMany oneToMany(String childColumn) {
            return new ToMany(null, childColumn, null);
        }

        /** Many-to-many through a link table. */
        public static ToMany manyToMany(String joinTable, String ownerColumn, String targetColumn) {
            return new ToMany(Objects.requireNonNull(joinTable, "joinTable"), ownerColumn,
                    Objects.requireNonNull(targetColumn, "targetColumn"));
        }

        /** Stored in a link table. */
        public boolean isManyToMany() {
            return joinTable != null;
        }
    }
}
