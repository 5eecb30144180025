package dev.warden.processor.constraint;

import static dev.warden.processor.constraint.MemberShape.attribute;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.ParameterizedTypeName;
import com.palantir.javapoet.TypeName;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/** The shapes of the fixture entities in {@code fixture/}, as the model layer would build them. */
final class Fixtures {
    static final String PACKAGE = "dev.warden.processor.constraint.fixture";
    static final ClassName ORDER = ClassName.get(PACKAGE, "Order");
    static final ClassName CUSTOMER = ClassName.get(PACKAGE, "Customer");
    static final ClassName ORDER_LINE = ClassName.get(PACKAGE, "OrderLine");
    static final ClassName EMPLOYEE = ClassName.get(PACKAGE, "Employee");
    static final ClassName WAREHOUSE = ClassName.get(PACKAGE, "Warehouse");
    static final ClassName PRODUCT = ClassName.get(PACKAGE, "Product");
    static final ClassName TAG = ClassName.get(PACKAGE, "Tag");
    static final ClassName STATUS = ClassName.get(PACKAGE, "Status");
    static final ClassName STUB_CONTEXT = ClassName.get(PACKAGE, "StubContext");

    static final TypeName STRING = ClassName.get(String.class);
    static final TypeName LONG = ClassName.get(Long.class);

    static final EntityShape ORDER_SHAPE = new EntityShape(ORDER.canonicalName(), "Order", List.of(
            attribute("id", ValueKind.INTEGER, LONG, "getId"),
            attribute("ownerId", ValueKind.INTEGER, LONG, "getOwnerId"),
            attribute("ownerNumber", ValueKind.INTEGER, TypeName.LONG, "getOwnerNumber"),
            attribute("ownerName", ValueKind.STRING, STRING, "getOwnerName"),
            attribute("region", ValueKind.STRING, STRING, "getRegion"),
            attribute("version", ValueKind.INTEGER, TypeName.LONG, "getVersion"),
            attribute("quantity", ValueKind.INTEGER, TypeName.INT, "getQuantity"),
            attribute("discount", ValueKind.INTEGER, ClassName.get(Integer.class), "getDiscount"),
            attribute("priority", ValueKind.INTEGER, TypeName.SHORT, "getPriority"),
            attribute("flags", ValueKind.INTEGER, TypeName.BYTE, "getFlags"),
            attribute("amount", ValueKind.DECIMAL, ClassName.get(java.math.BigDecimal.class), "getAmount"),
            attribute("serial", ValueKind.INTEGER, ClassName.get(java.math.BigInteger.class), "getSerial"),
            attribute("weight", ValueKind.DECIMAL, TypeName.DOUBLE, "getWeight"),
            attribute("ratio", ValueKind.DECIMAL, ClassName.get(Double.class), "getRatio"),
            attribute("score", ValueKind.DECIMAL, TypeName.FLOAT, "getScore"),
            attribute("tenant", ValueKind.INTEGER, LONG, "getTenant"),
            attribute("paid", ValueKind.BOOLEAN, TypeName.BOOLEAN, "isPaid"),
            attribute("archived", ValueKind.BOOLEAN, ClassName.get(Boolean.class), "getArchived"),
            MemberShape.enumAttribute("status", STATUS, "getStatus", List.of("OPEN", "SHIPPED", "CLOSED")),
            attribute("createdAt", ValueKind.TEMPORAL, ClassName.get(java.time.Instant.class), "getCreatedAt"),
            attribute("dueDate", ValueKind.TEMPORAL, ClassName.get(java.time.LocalDate.class), "getDueDate"),
            attribute("updatedAt", ValueKind.TEMPORAL, ClassName.get(java.time.LocalDateTime.class), "getUpdatedAt"),
            attribute("offsetAt", ValueKind.TEMPORAL, ClassName.get(java.time.OffsetDateTime.class), "getOffsetAt"),
            attribute("zonedAt", ValueKind.TEMPORAL, ClassName.get(java.time.ZonedDateTime.class), "getZonedAt"),
            attribute("legacyDate", ValueKind.TEMPORAL, ClassName.get(java.util.Date.class), "getLegacyDate"),
            attribute("cutOff", ValueKind.TEMPORAL, ClassName.get(java.time.LocalTime.class), "getCutOff"),
            attribute("reference", ValueKind.OTHER, ClassName.get(java.util.UUID.class), "getReference"),
            attribute("grade", ValueKind.OTHER, ClassName.get(Character.class), "getGrade"),
            MemberShape.toOne("customer", CUSTOMER, "getCustomer", CUSTOMER.canonicalName()),
            MemberShape.toOne("manager", EMPLOYEE, "getManager", EMPLOYEE.canonicalName()),
            MemberShape.toOne("warehouse", WAREHOUSE, "getWarehouse", WAREHOUSE.canonicalName()),
            MemberShape.toOne("product", PRODUCT, "getProduct", PRODUCT.canonicalName()),
            MemberShape.toMany("lines", list(ORDER_LINE), "getLines", ORDER_LINE.canonicalName()),
            attribute("limit", ValueKind.DECIMAL, ClassName.get(java.math.BigDecimal.class), "getLimit"),
            attribute("total", ValueKind.STRING, STRING, "getTotal").asCalculated()),
            "id");

    static final EntityShape CUSTOMER_SHAPE = new EntityShape(CUSTOMER.canonicalName(), "Customer", List.of(
            attribute("id", ValueKind.INTEGER, LONG, "getId"),
            attribute("name", ValueKind.STRING, STRING, "getName"),
            MemberShape.toOne("accountManager", EMPLOYEE, "getAccountManager", EMPLOYEE.canonicalName()),
            MemberShape.toOne("parent", CUSTOMER, "getParent", CUSTOMER.canonicalName()),
            MemberShape.toMany("orders", list(ORDER), "getOrders", ORDER.canonicalName())),
            "id");

    static final EntityShape ORDER_LINE_SHAPE = new EntityShape(ORDER_LINE.canonicalName(), "OrderLine", List.of(
            attribute("id", ValueKind.INTEGER, LONG, "getId"),
            attribute("sku", ValueKind.STRING, STRING, "getSku"),
            attribute("quantity", ValueKind.INTEGER, TypeName.INT, "getQuantity"),
            attribute("price", ValueKind.DECIMAL, ClassName.get(java.math.BigDecimal.class), "getPrice"),
            MemberShape.toOne("product", PRODUCT, "getProduct", PRODUCT.canonicalName()),
            MemberShape.toMany("tags", list(TAG), "getTags", TAG.canonicalName()),
            attribute("createdBy", ValueKind.INTEGER, LONG, "getCreatedBy")),
            "id");

    static final EntityShape EMPLOYEE_SHAPE = new EntityShape(EMPLOYEE.canonicalName(), "Employee", List.of(
            attribute("id", ValueKind.INTEGER, LONG, "getId"),
            attribute("name", ValueKind.STRING, STRING, "getName")),
            "id");

    static final EntityShape WAREHOUSE_SHAPE = new EntityShape(WAREHOUSE.canonicalName(), "Warehouse", List.of(
            attribute("code", ValueKind.STRING, STRING, "code"),
            attribute("city", ValueKind.STRING, STRING, "city")),
            "code");

    static final EntityShape PRODUCT_SHAPE = new EntityShape(PRODUCT.canonicalName(), "Product", List.of(
            attribute("name", ValueKind.STRING, STRING, "name"),
            attribute("price", ValueKind.DECIMAL, ClassName.get(java.math.BigDecimal.class), "price")),
            null);

    static final EntityShape TAG_SHAPE = new EntityShape(TAG.canonicalName(), "Tag", List.of(
            attribute("label", ValueKind.STRING, STRING, "label")),
            null);

    static final Map<String, EntityShape> ENTITIES = Stream.of(ORDER_SHAPE, CUSTOMER_SHAPE, ORDER_LINE_SHAPE,
                    EMPLOYEE_SHAPE, WAREHOUSE_SHAPE, PRODUCT_SHAPE, TAG_SHAPE)
            .collect(Collectors.toMap(EntityShape::qualifiedName, Function.identity()));

    static final EntityLookup LOOKUP = name -> Optional.ofNullable(ENTITIES.get(name));

    static final Map<String, TokenShape> TOKENS = Map.of(
            "Region", new TokenShape("Region", ValueKind.STRING, STRING),
            "Tenant", new TokenShape("Tenant", ValueKind.INTEGER, LONG),
            "Beta", new TokenShape("Beta", ValueKind.BOOLEAN, ClassName.get(Boolean.class)),
            "Cutoff", new TokenShape("Cutoff", ValueKind.TEMPORAL, ClassName.get(java.time.LocalDate.class)),
            "FavouriteStatus", new TokenShape("FavouriteStatus", ValueKind.ENUM, STATUS));

    /** userIdType Long, the tokens above, user roles Administrator, Manager, SalesRep. */
    static final ConstraintEnvironment ENV = new ConstraintEnvironment(LOOKUP, LONG, TOKENS,
            Set.of("Administrator", "Manager", "SalesRep"));

    /** Nothing known about user ids and user roles. */
    static final ConstraintEnvironment OPEN_ENV = new ConstraintEnvironment(LOOKUP, null, TOKENS, null);

    private Fixtures() {}

    static TypeName list(ClassName element) {
        return ParameterizedTypeName.get(ClassName.get(List.class), element);
    }

    /** Parses and checks a constraint on Order. */
    static CheckResult check(String constraint) {
        return check(constraint, ENV);
    }

    static CheckResult check(String constraint, ConstraintEnvironment env) {
        ParseResult parsed = ConstraintParser.parse(constraint);
        if (parsed.hasProblems()) {
            throw new AssertionError("syntax problems in " + constraint + ": " + parsed.problems());
        }
        return ConstraintChecker.check(parsed.expression().orElseThrow(), ORDER_SHAPE, env);
    }
}
