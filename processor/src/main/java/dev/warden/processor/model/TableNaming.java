package dev.warden.processor.model;

import java.util.Locale;
import java.util.Optional;

/**
 * The names of tables and columns that the mapping does not give, as the application's persistence layer makes them
 * (the processor option {@code -Awarden.naming}). The explicitly given names are kept as written, except under
 * {@link #SPRING_BOOT}, whose physical naming strategy rewrites every name.
 */
public enum TableNaming {
    /**
     * Warden's own: snake_case of the Java names ({@code customerName} to {@code customer_name}, {@code SalesOrder}
     * to {@code sales_order}), to-one {@code customer_id}, link tables {@code sales_order_labels(sales_order_id,
     * label_id)}; given names as written. The default.
     */
    SNAKE("snake"),
    /**
     * Spring Boot's: Hibernate's JPA-compliant implicit names ({@code SpringImplicitNamingStrategy}: link tables
     * {@code <owner table>_<attribute>}) through {@code CamelCaseToUnderscoresNamingStrategy}, which also rewrites the
     * given names: {@code zipCode} to {@code zip_code}, lower case.
     */
    SPRING_BOOT("spring-boot"),
    /**
     * Hibernate's defaults (JPA's): the Java names as written ({@code customerName}, table {@code SalesOrder}), to-one
     * {@code <attribute>_<target key column>}, link tables {@code <owner table>_<target table>(<Owner>_<key>,
     * <attribute>_<target key>)}; given names as written.
     */
    JPA("jpa");

    private final String optionValue;

    TableNaming(String optionValue) {
        this.optionValue = optionValue;
    }

    /** The value of {@code -Awarden.naming} that selects it. */
    public String optionValue() {
        return optionValue;
    }

    /** The naming selected by an option value, if it is one. */
    public static Optional<TableNaming> ofOption(String value) {
        for (TableNaming naming : values()) {
            if (naming.optionValue.equalsIgnoreCase(value.strip())) {
                return Optional.of(naming);
            }
        }
        return Optional.empty();
    }

    /** A name as the database sees it: the given or implicit {@code name} through the physical naming. */
    public String physical(String name) {
        return this == SPRING_BOOT ? camelCaseToUnderscores(name) : name;
    }

    /** The table of an entity with this JPA entity name (its simple class name unless {@code @Entity(name)}). */
    public String table(String entityName) {
        return physical(this == SNAKE ? TableMapping.snakeCase(entityName) : entityName);
    }

    /** The column of a basic attribute (also an embeddable's attribute: its own name, not the path). */
    public String column(String attribute) {
        return physical(this == SNAKE ? TableMapping.snakeCase(attribute) : attribute);
    }

    /** The foreign-key column of a to-one association referencing a key column. */
    public String joinColumn(String attribute, String targetKeyColumn) {
        return this == SNAKE ? TableMapping.snakeCase(attribute) + "_id" : physical(attribute + "_" + targetKeyColumn);
    }

    /** The link table of a many-to-many association, or of a unidirectional one-to-many without join column. */
    public String joinTable(String ownerEntityName, String ownerTable, String attribute, String targetTable) {
        return switch (this) {
            case SNAKE -> TableMapping.snakeCase(ownerEntityName) + "_" + TableMapping.snakeCase(attribute);
            case SPRING_BOOT -> physical(ownerTable + "_" + attribute);
            case JPA -> ownerTable + "_" + targetTable;
        };
    }

    /** The link table's column referencing the owner's key. */
    public String joinTableOwnerColumn(String ownerEntityName, String ownerKeyColumn) {
        return this == SNAKE ? TableMapping.snakeCase(ownerEntityName) + "_id"
                : physical(ownerEntityName + "_" + ownerKeyColumn);
    }

    /** The link table's column referencing the target's key. */
    public String joinTableTargetColumn(String attribute, String targetEntityName, String targetKeyColumn,
            boolean manyToMany) {
        if (this == SNAKE) {
            return (manyToMany ? TableMapping.snakeCase(targetEntityName) : TableMapping.snakeCase(attribute)) + "_id";
        }
        return physical(attribute + "_" + targetKeyColumn);
    }

    /**
     * Spring Boot's {@code CamelCaseToUnderscoresNamingStrategy}: dots to underscores, an underscore before an upper
     * case letter between lower case ones, then lower case.
     */
    static String camelCaseToUnderscores(String name) {
        StringBuilder builder = new StringBuilder(name.replace('.', '_'));
        for (int i = 1; i < builder.length() - 1; i++) {
            if (Character.isLowerCase(builder.charAt(i - 1)) && Character.isUpperCase(builder.charAt(i))
                    && Character.isLowerCase(builder.charAt(i + 1))) {
                builder.insert(i++, '_');
            }
        }
        return builder.toString().toLowerCase(Locale.ROOT);
    }
}
