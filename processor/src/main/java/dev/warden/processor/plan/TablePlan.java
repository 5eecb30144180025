package dev.warden.processor.plan;

import dev.warden.processor.constraint.CompiledSqlConstraint;
import dev.warden.processor.model.TableMapping;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.lang.model.type.TypeMirror;

/**
 * How a valid persistent entity with a key is stored, for the generated table.
 *
 * @param mapping the table and the column of each member
 * @param columns the members that have a column, in member order
 * @param constraints each rule's constraint compiled to SQL, by rule number
 * @param discriminator the discriminator column and this entity's value in it, when the entity shares its table
 *     with other entities of its hierarchy (JPA single-table inheritance)
 * @param version the index of the member that holds the row's version (JPA {@code @Version}), or -1
 * @param keyGeneration how the key of a new object without one is made (JPA {@code @GeneratedValue}), resolved for
 *     the key's type
 */
public record TablePlan(
        TableMapping mapping,
        List<Column> columns,
        Map<Integer, CompiledSqlConstraint> constraints,
        Optional<Discriminator> discriminator,
        int version,
        Optional<KeyGeneration> keyGeneration) {

    public TablePlan {
        columns = List.copyOf(columns);
        constraints = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(constraints));
    }

    /** A plan without a version or a generated key. */
    public TablePlan(TableMapping mapping, List<Column> columns, Map<Integer, CompiledSqlConstraint> constraints,
            Optional<Discriminator> discriminator) {
        this(mapping, columns, constraints, discriminator, -1, Optional.empty());
    }

    /**
     * How the key of a new object is made.
     *
     * @param strategy {@code IDENTITY}, {@code SEQUENCE} or {@code UUID}, as the runtime's
     *     {@code EntityTable.KeyGeneration.Strategy}
     * @param sequence the sequence for {@code SEQUENCE}, else null
     */
    public record KeyGeneration(String strategy, String sequence) {}

    /**
     * A member's column.
     *
     * @param member the member's index
     * @param name the column's name
     * @param javaType the type of the column's values: the member's type, boxed, or the associated entity's key
     *     type for a to-one association
     */
    public record Column(int member, String name, TypeMirror javaType) {}

    /**
     * The column that tells the entities of a single-table hierarchy apart.
     *
     * @param column the column
     * @param value this entity's value in it
     */
    public record Discriminator(String column, String value) {}
}
