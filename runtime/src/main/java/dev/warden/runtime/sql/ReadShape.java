package dev.warden.runtime.sql;

import dev.warden.runtime.ApplicationModel;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Optional;

/**
 * The read filter of one table for one shape of user (which rules apply, are dropped or hold for every row, and the
 * user-role tokens folded into the text), rendered once: later filters of that shape only take the values from their
 * context. Immutable.
 */
final class ReadShape {
    /** At most this many shapes are kept per table; beyond, filters are rendered each time. */
    static final int MAX_PER_TABLE = 256;

    /** What the text and the bind types depend on (the application gives the type of the user's id). */
    record Key(ApplicationModel application, String alias, Dialect dialect, int[] shape) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && key.application == application && key.alias.equals(alias)
                    && key.dialect == dialect && Arrays.equals(key.shape, shape);
        }

        @Override
        public int hashCode() {
            return alias.hashCode() * 31 + Arrays.hashCode(shape);
        }
    }

    private final String sql;
    private final boolean ownRows;
    private final BitSet rules;
    private final Class<?>[] types;

    private ReadShape(String sql, boolean ownRows, BitSet rules, Class<?>[] types) {
        this.sql = sql;
        this.ownRows = ownRows;
        this.rules = rules;
        this.types = types;
    }

    /**
     * The shape of a filter rendered the slow way, when binding its values anew gives exactly what was rendered (else
     * none: the filter is then always rendered).
     */
    static Optional<ReadShape> of(QueryFilter<?> filter, SqlFragment rendered) {
        BitSet rules = filter.readFilterRules();
        for (boolean ownRows : filter.hasOwnRows() ? new boolean[] {true, false} : new boolean[] {false}) {
            Object[] values = filter.readFilterValues(null, ownRows, rules);
            Class<?>[] types = filter.readFilterTypes(ownRows, rules);
            if (values != null && Arrays.equals(values, rendered.valueArray())
                    && Arrays.equals(types, rendered.typeArray())) {
                return Optional.of(new ReadShape(rendered.sql(), ownRows, rules, types));
            }
        }
        return Optional.empty();
    }

    /** The filter for this shape with the values of a filter's context, or null when a value is missing. */
    SqlFragment bind(QueryFilter<?> filter) {
        Object[] values = filter.readFilterValues(null, ownRows, rules);
        return values == null ? null : SqlFragment.of(sql, values, types);
    }
}
