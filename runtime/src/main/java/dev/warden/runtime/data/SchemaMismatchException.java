package dev.warden.runtime.data;

import java.util.List;

/**
 * The database does not fit the mapping of an entity: a table or column is missing, a column's type cannot hold
 * the member's values, or a column that a rule's constraint uses compares differently in SQL than in Java (blank
 * padded {@code CHAR(n)}, a case-insensitive type or collation). {@link WardenData} refuses to use the table, on
 * first use or when {@link WardenData#checkSchema} is called at startup, rather than give answers that differ
 * from the rules. The message names each table and column, never a stored value.
 */
public final class SchemaMismatchException extends IllegalStateException {
    private static final long serialVersionUID = 1L;

    /** The problems, one sentence each; kept for {@link #problems()}. */
    private final transient List<String> problems;

    SchemaMismatchException(String entity, List<String> problems) {
        super("The database does not fit the mapping of " + entity + ": " + String.join("; ", problems));
        this.problems = List.copyOf(problems);
    }

    /**
     * The problems found, each naming its table and column.
     *
     * @return one sentence per problem
     */
    public List<String> problems() {
        return problems == null ? List.of() : problems;
    }
}
