package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.TypeName;
import dev.warden.processor.constraint.fixture.StubContext;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import dev.warden.runtime.TimeToken;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import dev.warden.runtime.sql.Dialect;

/**
 * The fixture entities stored in tables ({@link #SCHEMA}, {@link #DDL}), and a tiny stand-in for the runtime's
 * renderer: it puts in the alias, folds user roles to TRUE or FALSE and binds every other parameter from a
 * {@link StubContext}, as the runtime does from a security context.
 */
final class SqlFixtures {
    private SqlFixtures() {}

    private static final Map<String, String> TABLES = Map.of("Order", "orders", "Customer", "customer",
            "OrderLine", "order_line", "Employee", "employee", "Warehouse", "warehouse", "Product", "product",
            "Tag", "tag");

    /**
     * Order in {@code orders} (ORDER is a keyword), the others in their snake_case names; snake_case columns, to-one
     * associations in {@code <name>_<target key>}; {@code limit} (a keyword) in {@code limit_value}. Product and Tag
     * have no id member, so their tables have a surrogate key {@code id}; Warehouse's key is its {@code code}.
     */
    static final SqlSchema SCHEMA = new SqlSchema() {
        @Override
        public String table(String entity) {
            return TABLES.get(JavaTypes.simpleName(entity));
        }

        @Override
        public String keyColumn(String entity) {
            return entity.equals(Fixtures.WAREHOUSE.canonicalName()) ? "code" : "id";
        }

        @Override
        public String column(String entity, String member) {
            MemberShape m = Fixtures.ENTITIES.get(entity).member(member).orElseThrow();
            if (m.calculated() || m.toMany()) {
                return null;
            }
            if (member.equals("limit")) {
                return "limit_value";
            }
            return m.isAssociation() ? snake(member) + "_" + keyColumn(m.targetEntity()) : snake(member);
        }

        @Override
        public ToMany toMany(String entity, String member) {
            switch (JavaTypes.simpleName(entity) + "." + member) {
                case "Order.lines":
                    return ToMany.oneToMany("order_id");
                case "Customer.orders":
                    return ToMany.oneToMany("customer_id");
                case "OrderLine.tags":
                    return ToMany.manyToMany("order_line_tag", "line_id", "tag_id");
                default:
                    throw new IllegalArgumentException(entity + "." + member);
            }
        }
    };

    static String snake(String name) {
        return name.replaceAll("([a-z0-9])([A-Z])", "$1_$2").toLowerCase(java.util.Locale.ROOT);
    }

    /** The tables, in H2 and PostgreSQL alike. */
    static final List<String> DDL = List.of(
            "CREATE TABLE employee (id BIGINT PRIMARY KEY, name VARCHAR(100))",
            "CREATE TABLE customer (id BIGINT PRIMARY KEY, name VARCHAR(100),"
                    + " account_manager_id BIGINT REFERENCES employee (id), parent_id BIGINT REFERENCES customer (id))",
            "CREATE TABLE warehouse (code VARCHAR(20) PRIMARY KEY, city VARCHAR(100))",
            "CREATE TABLE product (id BIGINT PRIMARY KEY, name VARCHAR(100), price NUMERIC(38, 10))",
            "CREATE TABLE tag (id BIGINT PRIMARY KEY, label VARCHAR(100))",
            "CREATE TABLE orders (id BIGINT PRIMARY KEY, owner_id BIGINT, owner_number BIGINT NOT NULL,"
                    + " owner_name VARCHAR(100), region VARCHAR(100), version BIGINT NOT NULL, quantity INTEGER NOT NULL,"
                    + " discount INTEGER, priority SMALLINT NOT NULL, flags SMALLINT NOT NULL, amount NUMERIC(38, 10),"
                    + " serial NUMERIC(38, 0), weight DOUBLE PRECISION NOT NULL, ratio DOUBLE PRECISION,"
                    + " score REAL NOT NULL, tenant BIGINT, paid BOOLEAN NOT NULL, archived BOOLEAN, status VARCHAR(20),"
                    + " created_at TIMESTAMP WITH TIME ZONE, due_date DATE, updated_at TIMESTAMP,"
                    + " offset_at TIMESTAMP WITH TIME ZONE, zoned_at TIMESTAMP WITH TIME ZONE,"
                    + " legacy_date TIMESTAMP WITH TIME ZONE, cut_off TIME, reference UUID, grade VARCHAR(1),"
                    + " customer_id BIGINT REFERENCES customer (id), manager_id BIGINT REFERENCES employee (id),"
                    + " warehouse_code VARCHAR(20) REFERENCES warehouse (code), product_id BIGINT REFERENCES product (id),"
                    + " limit_value NUMERIC(38, 10))",
            "CREATE TABLE order_line (id BIGINT PRIMARY KEY, order_id BIGINT NOT NULL REFERENCES orders (id),"
                    + " sku VARCHAR(100), quantity INTEGER NOT NULL, price NUMERIC(38, 10),"
                    + " product_id BIGINT REFERENCES product (id), created_by BIGINT)",
            "CREATE TABLE order_line_tag (line_id BIGINT NOT NULL REFERENCES order_line (id),"
                    + " tag_id BIGINT NOT NULL REFERENCES tag (id), PRIMARY KEY (line_id, tag_id))");

    /** Parses, checks and compiles a constraint on Order to SQL. */
    static CompiledSqlConstraint compile(String constraint) {
        CheckResult checked = Fixtures.check(constraint);
        assertTrue(checked.isWellTyped(), () -> constraint + ": " + checked.problems());
        return SqlConstraintCompiler.compile(checked.constraint(), SCHEMA);
    }

    // ------------------------------------------------------------------------------------------------ rendering

    /** A constraint's SQL for one alias, context and dialect, with the values to bind. */
    record Rendered(String sql, List<Object> values, Dialect dialect) {
        /** Binds the values to the parameters after the first {@code offset} ones. */
        void bind(PreparedStatement statement, int offset) throws SQLException {
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value instanceof ZoneId) {
                    statement.setString(offset + i + 1, dialect.timeZoneName((ZoneId) value));
                } else {
                    setValue(statement, offset + i + 1, value);
                }
            }
        }
    }

    /**
     * Puts in {@code alias}, folds user roles and takes the values of the other parameters from {@code ctx}; null
     * when a parameter has no value (a rule that uses {@code [%CurrentUser%]} for a context without a user id),
     * which drops the rule.
     */
    static Rendered render(CompiledSqlConstraint compiled, String alias, StubContext ctx, Dialect dialect) {
        String[] pieces = functions(compiled.sql(alias), dialect).split("\\?", -1);
        StringBuilder sql = new StringBuilder(pieces[0]);
        List<Object> values = new ArrayList<>();
        for (int i = 0; i < compiled.params().size(); i++) {
            SqlParamSpec param = compiled.params().get(i);
            if (param.kind() == SqlParamSpec.Kind.USER_ROLE) {
                sql.append(ctx.hasUserRole(param.name()) ? "TRUE" : "FALSE");
            } else {
                Object value = value(param, ctx);
                if (value == null) {
                    return null;
                }
                values.add(value);
                sql.append('?');
            }
            sql.append(pieces[i + 1]);
        }
        return new Rendered(sql.toString(), values, dialect);
    }

    /**
     * The template functions {@code {name(argument)}} and {@code {name}} rendered by the runtime's dialect, as the
     * runtime's {@code SqlTemplate} renders them (the constraint SQL has no quotes that hold braces).
     */
    static String functions(String sql, Dialect dialect) {
        Matcher m = FUNCTION.matcher(sql);
        if (!m.find()) {
            return sql;
        }
        String name = m.group(1);
        if (m.group(2).equals("}")) {
            return sql.substring(0, m.start()) + dialect.sqlFunction(name, null) + functions(sql.substring(m.end()), dialect);
        }
        int depth = 1;
        int i = m.end();
        for (; depth > 0; i++) {
            depth += sql.charAt(i) == '(' ? 1 : sql.charAt(i) == ')' ? -1 : 0;
        }
        String argument = functions(sql.substring(m.end(), i - 1), dialect);
        return sql.substring(0, m.start()) + dialect.sqlFunction(name, argument) + functions(sql.substring(i + 1), dialect);
    }

    private static final Pattern FUNCTION = Pattern.compile("\\{([a-z]{2,})([(}])");

    private static Object value(SqlParamSpec param, StubContext ctx) {
        switch (param.kind()) {
            case CONSTANT:
                return convert(param.constant(), param.javaType());
            case CURRENT_USER:
                return ctx.currentUserId();
            case DATE_TIME:
                ZonedDateTime time = ctx.dateTime(TimeToken.valueOf(param.timeTokenConstant()));
                for (SqlParamSpec.Offset offset : param.offsets()) {
                    time = time.plus(offset.amount(), ChronoUnit.valueOf(offset.period().chronoUnit()));
                }
                return temporal(time, param.javaType());
            case ZONE:
                return ctx.zone();
            case CUSTOM_TOKEN:
                return ctx.token(param.name(), Object.class);
            default:
                throw new IllegalStateException(param.toString());
        }
    }

    /** A constant as the member's type, as the runtime converts it. */
    private static Object convert(Object constant, TypeName type) {
        if (!(constant instanceof BigDecimal)) {
            return constant; // a String (also an enum constant's name) or a Boolean
        }
        BigDecimal number = (BigDecimal) constant;
        switch (type.toString()) {
            case "java.lang.Integer":
                return number.intValueExact();
            case "java.lang.Long":
                return number.longValueExact();
            case "java.lang.Short":
                return number.shortValueExact();
            case "java.lang.Byte":
                return number.byteValueExact();
            case "java.lang.Double":
                return number.doubleValue();
            case "java.lang.Float":
                return number.floatValue();
            case "java.math.BigInteger":
                return number.toBigIntegerExact();
            case "java.math.BigDecimal":
                return number;
            default:
                throw new IllegalStateException("a number compared with " + type);
        }
    }

    /** A date-time token as the member's type, converted as the Java twin converts it. */
    private static Object temporal(ZonedDateTime time, TypeName type) {
        switch (type.toString()) {
            case "java.time.Instant":
                return time.toInstant();
            case "java.time.LocalDateTime":
                return time.toLocalDateTime();
            case "java.time.LocalDate":
                return time.toLocalDate();
            case "java.time.OffsetDateTime":
                return time.toOffsetDateTime();
            case "java.time.ZonedDateTime":
                return time;
            case "java.util.Date":
                return Date.from(time.toInstant());
            default:
                throw new IllegalStateException("a date-time token compared with " + type);
        }
    }

    /**
     * Binds a Java value as both drivers take it: instants as offset date-times (the columns are TIMESTAMP WITH TIME
     * ZONE), enums by name, BigIntegers as BigDecimals, bytes as shorts (the columns are SMALLINT).
     */
    static void setValue(PreparedStatement statement, int index, Object value) throws SQLException {
        if (value == null) {
            throw new IllegalArgumentException("use setNull with a type for parameter " + index);
        } else if (value instanceof Enum) {
            statement.setString(index, ((Enum<?>) value).name());
        } else if (value instanceof Character) {
            statement.setString(index, value.toString());
        } else if (value instanceof java.math.BigInteger) {
            statement.setBigDecimal(index, new BigDecimal((java.math.BigInteger) value));
        } else if (value instanceof Byte) {
            statement.setShort(index, (Byte) value);
        } else if (value instanceof Float) {
            statement.setFloat(index, (Float) value);
        } else if (value instanceof Instant) {
            statement.setObject(index, ((Instant) value).atOffset(ZoneOffset.UTC));
        } else if (value instanceof ZonedDateTime) {
            statement.setObject(index, ((ZonedDateTime) value).toOffsetDateTime());
        } else if (value instanceof Date) {
            statement.setObject(index, ((Date) value).toInstant().atOffset(ZoneOffset.UTC));
        } else {
            statement.setObject(index, value); // String, numbers, Boolean, java.time, UUID
        }
    }
}
