package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import com.palantir.javapoet.TypeName;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Golden SQL for representative constraints (the SQL is read in logs, so its exact text matters), the parameters
 * that go with it, and the compiler's contract: no value in the text, aliases numbered in order, errors for a
 * schema that cannot store the constraint. {@link SqlEquivalenceTest} runs the SQL on real databases.
 */
class SqlConstraintCompilerTest {

    private static void assertSql(String constraint, String sql, String params) {
        CompiledSqlConstraint compiled = SqlFixtures.compile(constraint);
        assertEquals(sql, compiled.sql(), constraint);
        assertEquals(params, compiled.params().toString(), constraint);
    }

    // -------------------------------------------------------------------------------------------- attributes

    @Test
    void owner() {
        assertSql("[ownerId = '[%CurrentUser%]']", "{a}.owner_id IS NOT NULL AND {a}.owner_id = ?",
                "[CURRENT_USER as Long]");
        assertSql("[ownerId != '[%CurrentUser%]']", "{a}.owner_id IS NULL OR {a}.owner_id <> ?",
                "[CURRENT_USER as Long]");
        // A primitive member is never empty: no guard.
        assertSql("[ownerNumber = '[%CurrentUser%]']", "{a}.owner_number = ?", "[CURRENT_USER as Long]");
        // A to-one association compared with the user compares its foreign key, as the target's id type.
        assertSql("[manager = '[%CurrentUser%]']", "{a}.manager_id IS NOT NULL AND {a}.manager_id = ?",
                "[CURRENT_USER as Long]");
        assertSql("[manager != '[%CurrentUser%]']", "{a}.manager_id IS NULL OR {a}.manager_id <> ?",
                "[CURRENT_USER as Long]");
    }

    @Test
    void enumsAreComparedByName() {
        assertSql("[status = 'OPEN']", "{a}.status IS NOT NULL AND {a}.status = ?", "[CONSTANT 'OPEN' as Status]");
        assertSql("[status != 'OPEN' or status = empty]", "{a}.status IS NULL OR {a}.status <> ? OR {a}.status IS NULL",
                "[CONSTANT 'OPEN' as Status]");
        SqlParamSpec param = SqlFixtures.compile("[status = 'CLOSED']").params().get(0);
        assertEquals(SqlParamSpec.constant("CLOSED", Fixtures.STATUS), param);
    }

    @Test
    void numbersAreBigDecimalConstantsOfTheMembersType() {
        assertSql("[amount >= 10.50]", "{a}.amount IS NOT NULL AND {a}.amount >= ?", "[CONSTANT 10.50 as BigDecimal]");
        assertSql("[quantity > 1 and discount < 5]", "{a}.quantity > ? AND {a}.discount IS NOT NULL AND {a}.discount < ?",
                "[CONSTANT 1 as Integer, CONSTANT 5 as Integer]");
        assertSql("[score = 0.1]", "{a}.score = ?", "[CONSTANT 0.1 as Float]");
        assertSql("[serial > -2]", "{a}.serial IS NOT NULL AND {a}.serial > ?", "[CONSTANT -2 as BigInteger]");
        assertSql("[limit > 0]", "{a}.limit_value IS NOT NULL AND {a}.limit_value > ?", "[CONSTANT 0 as BigDecimal]");
        SqlParamSpec param = SqlFixtures.compile("[ownerNumber >= 9223372036854775807]").params().get(0);
        assertEquals(new BigDecimal("9223372036854775807"), param.constant());
        assertEquals(TypeName.LONG.box(), param.javaType());
    }

    @Test
    void stringsAndBooleans() {
        assertSql("[ownerName = 'a''b']", "{a}.owner_name IS NOT NULL AND {a}.owner_name = ?",
                "[CONSTANT 'a''b' as String]");
        assertSql("[ownerName < 'b']", "{a}.owner_name IS NOT NULL AND {a}.owner_name < ?", "[CONSTANT 'b' as String]");
        assertSql("[ownerName = empty]", "{a}.owner_name IS NULL", "[]");
        assertSql("[ownerName != empty]", "{a}.owner_name IS NOT NULL", "[]");
        assertSql("[paid]", "{a}.paid", "[]");
        assertSql("[archived]", "{a}.archived IS TRUE", "[]");
        assertSql("[paid = true()]", "{a}.paid = ?", "[CONSTANT true as Boolean]");
        assertSql("[archived != false()]", "{a}.archived IS NULL OR {a}.archived <> ?", "[CONSTANT false as Boolean]");
    }

    // ------------------------------------------------------------------------------------------------ tokens

    @Test
    void dateTimeTokensCarryTheMembersType() {
        assertSql("[createdAt < '[%CurrentDateTime%]']", "{a}.created_at IS NOT NULL AND {a}.created_at < ?",
                "[[%CurrentDateTime%] as Instant]");
        assertSql("[dueDate >= '[%BeginOfCurrentDay%]']", "{a}.due_date IS NOT NULL AND {a}.due_date >= ?",
                "[[%BeginOfCurrentDay%] as LocalDate]");
        assertSql("[updatedAt < '[%EndOfCurrentDay%]' or legacyDate > '[%CurrentDateTime%]']",
                "({a}.updated_at IS NOT NULL AND {a}.updated_at < ?) OR ({a}.legacy_date IS NOT NULL AND {a}.legacy_date > ?)",
                "[[%EndOfCurrentDay%] as LocalDateTime, [%CurrentDateTime%] as Date]");
        assertSql("[zonedAt = '[%CurrentDateTime%]'][offsetAt = '[%CurrentDateTime%]']",
                "{a}.zoned_at IS NOT NULL AND {a}.zoned_at = ? AND {a}.offset_at IS NOT NULL AND {a}.offset_at = ?",
                "[[%CurrentDateTime%] as ZonedDateTime, [%CurrentDateTime%] as OffsetDateTime]");
    }

    @Test
    void everyTimeTokenAndDateArithmeticIsOneParameter() {
        assertSql("[createdAt >= '[%BeginOfCurrentWeekUTC%]' and createdAt < '[%EndOfYesterday%]']",
                "{a}.created_at IS NOT NULL AND {a}.created_at >= ? AND {a}.created_at IS NOT NULL AND {a}.created_at < ?",
                "[[%BeginOfCurrentWeekUTC%] as Instant, [%EndOfYesterday%] as Instant]");
        assertSql("[dueDate > '[%BeginOfCurrentDay%] - 3 * [%DayLength%] + [%HourLength%]']",
                "{a}.due_date IS NOT NULL AND {a}.due_date > ?",
                "[[%BeginOfCurrentDay%] - 3 * [%DayLength%] + 1 * [%HourLength%] as LocalDate]");
    }

    @Test
    void aSubConstraintIsOneExistsWithTheWholeConditionOnOneRow() {
        assertSql("[lines[quantity > 10 and sku = 'Anvil']]", "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE"
                + " {a}_1.order_id = {a}.id AND {a}_1.quantity > ? AND {a}_1.sku = ?)",
                "[CONSTANT 10 as Integer, CONSTANT 'Anvil' as String]");
        assertSql("[customer[name = 'x' and parent/name = 'y']]", "EXISTS (SELECT 1 FROM customer {a}_1 WHERE"
                + " {a}_1.id = {a}.customer_id AND {a}_1.name = ? AND EXISTS (SELECT 1 FROM customer {a}_2 WHERE"
                + " {a}_2.id = {a}_1.parent_id AND {a}_2.name = ?))", "[CONSTANT 'x' as String, CONSTANT 'y' as String]");
        assertSql("[not(lines[tags[label = 'a']])]", "NOT EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id"
                + " = {a}.id AND EXISTS (SELECT 1 FROM order_line_tag {a}_2 JOIN tag {a}_3 ON {a}_3.id = {a}_2.tag_id"
                + " WHERE {a}_2.line_id = {a}_1.id AND {a}_3.label = ?))", "[CONSTANT 'a' as String]");
        assertSql("[lines[not(sku = 'x')]]", "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id"
                + " AND NOT ({a}_1.sku IS NOT NULL AND {a}_1.sku = ?))", "[CONSTANT 'x' as String]");
        assertSql("[lines[false()]]", "FALSE", "[]");
        assertSql("[customer/orders[quantity = 2]]", "EXISTS (SELECT 1 FROM customer {a}_1 JOIN orders {a}_2 ON"
                + " {a}_2.customer_id = {a}_1.id WHERE {a}_1.id = {a}.customer_id AND {a}_2.quantity = ?)",
                "[CONSTANT 2 as Integer]");
    }

    @Test
    void functionValuesAreExtractedFromTheColumnAndGuardedByIt() {
        assertSql("[string-length(ownerName) > 3]", "{a}.owner_name IS NOT NULL AND {length({a}.owner_name)} > ?",
                "[CONSTANT 3 as Integer]");
        assertSql("[year-from-dateTime(createdAt) = 2024]", "{a}.created_at IS NOT NULL"
                + " AND EXTRACT(YEAR FROM ({a}.created_at AT TIME ZONE ?)) = ?", "[ZONE as ZoneId, CONSTANT 2024 as Integer]");
        assertSql("[month-from-dateTime(updatedAt) != 3]", "{a}.updated_at IS NULL"
                + " OR EXTRACT(MONTH FROM {a}.updated_at) <> ?", "[CONSTANT 3 as Integer]");
        assertSql("[weekday-from-dateTime(dueDate) = 1]", "{a}.due_date IS NOT NULL"
                + " AND MOD(CAST(EXTRACT(ISODOW FROM {a}.due_date) AS INTEGER), 7) + 1 = ?", "[CONSTANT 1 as Integer]");
        assertSql("[week-from-dateTime(zonedAt) >= 10]", "{a}.zoned_at IS NOT NULL"
                + " AND EXTRACT({isoweek} FROM ({a}.zoned_at AT TIME ZONE ?)) >= ?",
                "[ZONE as ZoneId, CONSTANT 10 as Integer]");
        assertSql("[seconds-from-dateTime(offsetAt) < 30]", "{a}.offset_at IS NOT NULL"
                + " AND FLOOR(EXTRACT(SECOND FROM ({a}.offset_at AT TIME ZONE ?))) < ?",
                "[ZONE as ZoneId, CONSTANT 30 as Integer]");
        assertSql("[string-length(ownerName) = empty]", "{a}.owner_name IS NULL", "[]");
        assertSql("[string-length(lines/sku) > 3]", "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id ="
                + " {a}.id AND {length({a}_1.sku)} > ?)", "[CONSTANT 3 as Integer]");
        assertSql("[string-length(ownerName) = discount]", "{length({a}.owner_name)} IS NOT DISTINCT FROM {a}.discount",
                "[]");
    }

    @Test
    void customTokensCarryTheirOwnType() {
        CompiledSqlConstraint compiled = SqlFixtures.compile("[region = '[%Region%]'][quantity = '[%Tenant%]']");
        assertEquals("{a}.region IS NOT NULL AND {a}.region = ? AND {a}.quantity = ?", compiled.sql());
        // The Long token is bound as a Long, not narrowed to the int member: the database widens the int, as Java does.
        assertEquals(List.of(SqlParamSpec.customToken("Region", Fixtures.STRING),
                SqlParamSpec.customToken("Tenant", Fixtures.LONG)), compiled.params());
        assertEquals(Set.of("Region", "Tenant"), compiled.customTokens());
        assertSql("[status = '[%FavouriteStatus%]']", "{a}.status IS NOT NULL AND {a}.status = ?",
                "[[%FavouriteStatus%] as Status]");
        assertSql("['[%Beta%]']", "?", "[[%Beta%] as Boolean]");
    }

    @Test
    void userRolesAreBooleansTheRuntimeFolds() {
        assertSql("['[%UserRole_Manager%]' or ownerName = 'x']", "? OR ({a}.owner_name IS NOT NULL AND {a}.owner_name = ?)",
                "[[%UserRole_Manager%], CONSTANT 'x' as String]");
        assertSql("[not('[%UserRole_Manager%]')]", "NOT ?", "[[%UserRole_Manager%]]");
        assertSql("[archived = '[%UserRole_Manager%]']", "{a}.archived IS NOT NULL AND {a}.archived = ?",
                "[[%UserRole_Manager%]]");
        assertEquals(SqlParamSpec.userRole("Manager"), SqlFixtures.compile("['[%UserRole_Manager%]']").params().get(0));
    }

    // ------------------------------------------------------------------------------------------------- paths

    @Test
    void toOnePaths() {
        assertSql("[customer/accountManager = '[%CurrentUser%]']",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.account_manager_id = ?)",
                "[CURRENT_USER as Long]");
        assertSql("[customer/parent/name = 'x']",
                "EXISTS (SELECT 1 FROM customer {a}_1 JOIN customer {a}_2 ON {a}_2.id = {a}_1.parent_id"
                        + " WHERE {a}_1.id = {a}.customer_id AND {a}_2.name = ?)",
                "[CONSTANT 'x' as String]");
        assertSql("[warehouse/city = 'Delft']",
                "EXISTS (SELECT 1 FROM warehouse {a}_1 WHERE {a}_1.code = {a}.warehouse_code AND {a}_1.city = ?)",
                "[CONSTANT 'Delft' as String]");
        assertSql("[customer]", "{a}.customer_id IS NOT NULL", "[]");
        assertSql("[not(customer)]", "{a}.customer_id IS NULL", "[]");
        assertSql("[customer/parent = empty]",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.parent_id IS NULL)", "[]");
    }

    @Test
    void toManyPaths() {
        assertSql("[lines/quantity > 1]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id AND {a}_1.quantity > ?)",
                "[CONSTANT 1 as Integer]");
        assertSql("[lines]", "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id)", "[]");
        assertSql("[lines = empty]", "NOT EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id)", "[]");
        assertSql("[lines != empty]", "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id)", "[]");
        assertSql("[customer/orders = empty]",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id"
                        + " AND NOT EXISTS (SELECT 1 FROM orders {a}_2 WHERE {a}_2.customer_id = {a}_1.id))", "[]");
        // Inside an EXISTS only TRUE counts, so a nullable boolean needs no IS TRUE there.
        assertSql("[customer/orders/archived]",
                "EXISTS (SELECT 1 FROM customer {a}_1 JOIN orders {a}_2 ON {a}_2.customer_id = {a}_1.id"
                        + " WHERE {a}_1.id = {a}.customer_id AND {a}_2.archived)", "[]");
    }

    @Test
    void manyToManyPathsGoThroughTheLinkTable() {
        assertSql("[lines/tags/label = 'a']",
                "EXISTS (SELECT 1 FROM order_line {a}_1 JOIN order_line_tag {a}_2 ON {a}_2.line_id = {a}_1.id"
                        + " JOIN tag {a}_3 ON {a}_3.id = {a}_2.tag_id WHERE {a}_1.order_id = {a}.id AND {a}_3.label = ?)",
                "[CONSTANT 'a' as String]");
        // Whether there is a tag needs only the link table.
        assertSql("[lines/tags]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 JOIN order_line_tag {a}_2 ON {a}_2.line_id = {a}_1.id"
                        + " WHERE {a}_1.order_id = {a}.id)", "[]");
        assertSql("[lines/tags = empty]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id"
                        + " AND NOT EXISTS (SELECT 1 FROM order_line_tag {a}_2 WHERE {a}_2.line_id = {a}_1.id))", "[]");
    }

    @Test
    void nestedPathsAreOneExistsWithJoins() {
        assertSql("[lines/product/price >= 10.50]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 JOIN product {a}_2 ON {a}_2.id = {a}_1.product_id"
                        + " WHERE {a}_1.order_id = {a}.id AND {a}_2.price >= ?)",
                "[CONSTANT 10.50 as BigDecimal]");
        assertSql("[customer/orders/lines/sku = 'x']",
                "EXISTS (SELECT 1 FROM customer {a}_1 JOIN orders {a}_2 ON {a}_2.customer_id = {a}_1.id"
                        + " JOIN order_line {a}_3 ON {a}_3.order_id = {a}_2.id WHERE {a}_1.id = {a}.customer_id"
                        + " AND {a}_3.sku = ?)",
                "[CONSTANT 'x' as String]");
    }

    @Test
    void membersComparedWithMembers() {
        // Two empty members are equal, as in Java.
        assertSql("[ownerName = region]", "{a}.owner_name IS NOT DISTINCT FROM {a}.region", "[]");
        assertSql("[ownerName != region]", "{a}.owner_name IS DISTINCT FROM {a}.region", "[]");
        assertSql("[ownerName < region]",
                "{a}.owner_name IS NOT NULL AND {a}.region IS NOT NULL AND {a}.owner_name < {a}.region", "[]");
        assertSql("[quantity < weight]", "{a}.quantity < {a}.weight", "[]");
        assertSql("[discount = quantity]", "{a}.discount IS NOT NULL AND {a}.discount = {a}.quantity", "[]");
        assertSql("[customer = customer/parent]",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id"
                        + " AND {a}.customer_id IS NOT DISTINCT FROM {a}_1.parent_id)", "[]");
        assertSql("[customer/name = lines/sku]",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND EXISTS (SELECT 1 FROM"
                        + " order_line {a}_2 WHERE {a}_2.order_id = {a}.id AND {a}_1.name IS NOT DISTINCT FROM {a}_2.sku))",
                "[]");
    }

    // ----------------------------------------------------------------------------------------- not, functions

    @Test
    void notNegatesTheWholeCondition() {
        assertSql("[not(lines/quantity > 1)]",
                "NOT EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id AND {a}_1.quantity > ?)",
                "[CONSTANT 1 as Integer]");
        assertSql("[not(ownerName = 'a')]", "NOT ({a}.owner_name IS NOT NULL AND {a}.owner_name = ?)",
                "[CONSTANT 'a' as String]");
        // Simple conditions that are never NULL are negated the way a person would write it.
        assertSql("[not(quantity = 1)]", "{a}.quantity <> ?", "[CONSTANT 1 as Integer]");
        assertSql("[not(quantity < 1)]", "{a}.quantity >= ?", "[CONSTANT 1 as Integer]");
        assertSql("[not(archived)]", "{a}.archived IS NOT TRUE", "[]");
        assertSql("[not(paid)]", "NOT {a}.paid", "[]");
        assertSql("[not(ownerName = region)]", "{a}.owner_name IS DISTINCT FROM {a}.region", "[]");
        assertSql("[not(not(customer))]", "{a}.customer_id IS NOT NULL", "[]");
        // An EXISTS is never NULL, so under not() its inside still needs no guards.
        assertSql("[lines/sku != 'x' and not(lines/sku = 'x')]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id"
                        + " AND ({a}_1.sku IS NULL OR {a}_1.sku <> ?))"
                        + " AND NOT EXISTS (SELECT 1 FROM order_line {a}_2 WHERE {a}_2.order_id = {a}.id AND {a}_2.sku = ?)",
                "[CONSTANT 'x' as String, CONSTANT 'x' as String]");
        assertSql("[customer/orders/lines/sku = 'x' and customer/orders/lines/quantity > 1]",
                "EXISTS (SELECT 1 FROM customer {a}_1 JOIN orders {a}_2 ON {a}_2.customer_id = {a}_1.id"
                        + " JOIN order_line {a}_3 ON {a}_3.order_id = {a}_2.id WHERE {a}_1.id = {a}.customer_id"
                        + " AND {a}_3.sku = ?) AND EXISTS (SELECT 1 FROM customer {a}_4 JOIN orders {a}_5"
                        + " ON {a}_5.customer_id = {a}_4.id JOIN order_line {a}_6 ON {a}_6.order_id = {a}_5.id"
                        + " WHERE {a}_4.id = {a}.customer_id AND {a}_6.quantity > ?)",
                "[CONSTANT 'x' as String, CONSTANT 1 as Integer]");
    }

    @Test
    void stringFunctionsAreLikeWithAnEscapedCaseInsensitivePattern() {
        assertSql("[contains(ownerName, 'a%b')]", "{a}.owner_name IS NOT NULL AND {lower({a}.owner_name)} LIKE ?",
                "[CONSTANT '%a\\%b%' as String]");
        assertSql("[starts-with(customer/name, 'X') and ends-with(lines/sku, '_É')]",
                "EXISTS (SELECT 1 FROM customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {lower({a}_1.name)} LIKE ?)"
                        + " AND EXISTS (SELECT 1 FROM order_line {a}_2 WHERE {a}_2.order_id = {a}.id"
                        + " AND {lower({a}_2.sku)} LIKE ?)",
                "[CONSTANT 'x%' as String, CONSTANT '%\\_é' as String]");
        assertSql("[ends-with(ownerName, 'ΟΔΟΣ')]", "{a}.owner_name IS NOT NULL AND {lower({a}.owner_name)} LIKE ?",
                "[CONSTANT '%οδοσ' as String]");
        assertEquals("\\\\a\\%\\_b", SqlConstraintCompiler.escapeLike("\\a%_b"));
        assertEquals("", SqlConstraintCompiler.escapeLike(""));
        assertEquals("\\%😀\\\\", SqlConstraintCompiler.escapeLike("%😀\\"));
    }

    // --------------------------------------------------------------------------------------- form, contract

    @Test
    void minimalButClearParentheses() {
        assertSql("[(ownerName = 'a' or region = 'b') and not(lines)]",
                "(({a}.owner_name IS NOT NULL AND {a}.owner_name = ?) OR ({a}.region IS NOT NULL AND {a}.region = ?))"
                        + " AND NOT EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id)",
                "[CONSTANT 'a' as String, CONSTANT 'b' as String]");
        assertSql("[paid or archived and quantity = 1]", "{a}.paid OR ({a}.archived IS TRUE AND {a}.quantity = ?)",
                "[CONSTANT 1 as Integer]");
        assertSql("[tenant = '[%Tenant%]'][status = 'OPEN'][paid]",
                "{a}.tenant IS NOT NULL AND {a}.tenant = ? AND {a}.status IS NOT NULL AND {a}.status = ? AND {a}.paid",
                "[[%Tenant%] as Long, CONSTANT 'OPEN' as Status]");
    }

    @Test
    void conditionsThatAreAlwaysTrueOrFalseFoldAway() {
        assertSql("[quantity = empty and lines/sku = 'x']", "FALSE", "[]");
        assertSql("[quantity != empty or lines/sku = 'x']", "TRUE", "[]");
        assertSql("[quantity = empty or amount = empty]", "{a}.amount IS NULL", "[]");
        // The folded-away sub-query leaves no gap in the numbering.
        assertSql("[(lines/sku = 'x' and quantity = empty) or lines/quantity > 1]",
                "EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id AND {a}_1.quantity > ?)",
                "[CONSTANT 1 as Integer]");
        assertSql("[true()]", "TRUE", "[]");
        assertSql("[false()]", "FALSE", "[]");
        assertSql("[false() or paid]", "{a}.paid", "[]");
        assertSql("[true() and not(lines)]", "NOT EXISTS (SELECT 1 FROM order_line {a}_1 WHERE {a}_1.order_id = {a}.id)",
                "[]");
    }

    @Test
    void nullIsEmptyAndQuotedBooleansAreBooleans() {
        assertSql("[ownerName = NULL]", "{a}.owner_name IS NULL", "[]");
        assertSql("[customer != NULL]", "{a}.customer_id IS NOT NULL", "[]");
        assertSql("[paid = 'true']", "{a}.paid = ?", "[CONSTANT true as Boolean]");
        assertSql("[archived != 'false']", "{a}.archived IS NULL OR {a}.archived <> ?", "[CONSTANT false as Boolean]");
        assertSql("[ownerName = 'true']", "{a}.owner_name IS NOT NULL AND {a}.owner_name = ?",
                "[CONSTANT 'true' as String]");
    }

    @Test
    void theAliasMarkerNamesEverySubQuery() {
        CompiledSqlConstraint compiled = SqlFixtures.compile("[customer/name = lines/sku]");
        assertEquals("EXISTS (SELECT 1 FROM customer o_1 WHERE o_1.id = o.customer_id AND EXISTS (SELECT 1 FROM"
                + " order_line o_2 WHERE o_2.order_id = o.id AND o_1.name IS NOT DISTINCT FROM o_2.sku))",
                compiled.sql("o"));
    }

    private static final Pattern ALIAS = Pattern.compile("\\{a\\}_(\\d+)");
    /** Identifiers, the alias markers, ?, operators, parentheses and spaces: no quote, no digit, no other sign. */
    private static final Pattern ONLY_NAMES_AND_OPERATORS = Pattern.compile("[A-Za-z_.{}?=<>() ]*");

    /** No value is ever in the text, sub-queries are numbered in order, parentheses balance, one line. */
    @Test
    void randomConstraintsKeepTheContract() {
        Random random = new Random(11L);
        Set<String> seen = new LinkedHashSet<>();
        for (int attempt = 0; attempt < 20_000 && seen.size() < 500; attempt++) {
            String text = "[" + RandomConstraints.EXTENDED.condition(random, 0) + "]";
            CheckResult checked = ConstraintChecker.check(ConstraintParser.parse(text), Fixtures.ORDER_SHAPE, Fixtures.ENV);
            if (!checked.isWellTyped() || !seen.add(text)) {
                continue;
            }
            CompiledSqlConstraint compiled = SqlConstraintCompiler.compile(checked.constraint(), SqlFixtures.SCHEMA);
            String sql = compiled.sql();
            // The compiler's own constants: SELECT 1, and the weekday's MOD(ISODOW, 7) + 1.
            String withoutAliases = ALIAS.matcher(sql).replaceAll("{a}").replace("SELECT 1 FROM", "SELECT FROM")
                    .replace(" AS INTEGER), 7) + 1", " AS INTEGER))");
            assertTrue(ONLY_NAMES_AND_OPERATORS.matcher(withoutAliases).matches(), () -> text + "\n" + sql);
            assertFalse(sql.contains("  ") || sql.startsWith(" ") || sql.endsWith(" "), sql);
            Matcher alias = ALIAS.matcher(sql);
            int highest = 0;
            while (alias.find()) {
                int n = Integer.parseInt(alias.group(1));
                assertTrue(n <= highest + 1, () -> "aliases out of order in " + sql);
                highest = Math.max(highest, n);
            }
            int depth = 0;
            for (char c : sql.toCharArray()) {
                depth += c == '(' ? 1 : c == ')' ? -1 : 0;
                assertTrue(depth >= 0, sql);
            }
            assertEquals(0, depth, sql);
            for (SqlParamSpec param : compiled.params()) {
                if (param.kind() == SqlParamSpec.Kind.CONSTANT) {
                    assertTrue(param.constant() instanceof String || param.constant() instanceof Boolean
                            || param.constant() instanceof BigDecimal, param::toString);
                }
            }
        }
        assertEquals(500, seen.size());
    }

    // ------------------------------------------------------------------------------------------------ errors

    @Test
    void aSchemaThatCannotStoreTheConstraintIsAnError() {
        CheckedConstraint checked = Fixtures.check("[customer/name = 'x']").constraint();
        SqlSchema noColumns = delegate(SqlFixtures.SCHEMA, "name", null);
        SqlSchema.UnsupportedMappingException unmapped = assertThrows(SqlSchema.UnsupportedMappingException.class,
                () -> SqlConstraintCompiler.compile(checked, noColumns));
        assertEquals(Fixtures.CUSTOMER.canonicalName(), unmapped.entity());
        assertEquals("name", unmapped.member());
        assertTrue(unmapped.getMessage().contains("no column in the entity's table"), unmapped.getMessage());
        SqlSchema injected = delegate(SqlFixtures.SCHEMA, "name", "name = name OR 1");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SqlConstraintCompiler.compile(checked, injected));
        assertEquals("not a plain SQL identifier: 'name = name OR 1' (for member name)", e.getMessage());
        SqlSchema quoted = delegate(SqlFixtures.SCHEMA, "name", "\"name\"");
        assertThrows(IllegalArgumentException.class, () -> SqlConstraintCompiler.compile(checked, quoted));
        // A schema-qualified table is fine.
        SqlSchema qualified = new SqlSchema() {
            @Override
            public String table(String entity) {
                return "sales." + SqlFixtures.SCHEMA.table(entity);
            }

            @Override
            public String keyColumn(String entity) {
                return SqlFixtures.SCHEMA.keyColumn(entity);
            }

            @Override
            public String column(String entity, String member) {
                return SqlFixtures.SCHEMA.column(entity, member);
            }

            @Override
            public ToMany toMany(String entity, String member) {
                return SqlFixtures.SCHEMA.toMany(entity, member);
            }
        };
        assertEquals("EXISTS (SELECT 1 FROM sales.customer {a}_1 WHERE {a}_1.id = {a}.customer_id AND {a}_1.name = ?)",
                SqlConstraintCompiler.compile(checked, qualified).sql());
    }

    /** The schema, but with {@code column} for every member named {@code member}. */
    private static SqlSchema delegate(SqlSchema schema, String member, String column) {
        return new SqlSchema() {
            @Override
            public String table(String entity) {
                return schema.table(entity);
            }

            @Override
            public String keyColumn(String entity) {
                return schema.keyColumn(entity);
            }

            @Override
            public String column(String entity, String name) {
                return name.equals(member) ? column : schema.column(entity, name);
            }

            @Override
            public ToMany toMany(String entity, String name) {
                return schema.toMany(entity, name);
            }
        };
    }

    @Test
    void valueObjectsCheckWhatTheyHold() {
        assertThrows(IllegalArgumentException.class, () -> new SqlSchema.ToMany("link", "owner_id", null));
        assertThrows(IllegalArgumentException.class, () -> new SqlSchema.ToMany(null, "owner_id", "target_id"));
        assertThrows(NullPointerException.class, () -> SqlSchema.ToMany.oneToMany(null));
        assertFalse(SqlSchema.ToMany.oneToMany("order_id").isManyToMany());
        assertTrue(SqlSchema.ToMany.manyToMany("link", "a", "b").isManyToMany());
        assertThrows(IllegalArgumentException.class, () -> SqlParamSpec.constant(42, TypeName.INT.box()));
        assertThrows(IllegalArgumentException.class, () -> SqlParamSpec.constant(null, Fixtures.STRING));
        assertThrows(IllegalArgumentException.class,
                () -> new SqlParamSpec(SqlParamSpec.Kind.CURRENT_USER, "7", null, Fixtures.LONG));
        assertThrows(IllegalArgumentException.class,
                () -> new SqlParamSpec(SqlParamSpec.Kind.CUSTOM_TOKEN, null, null, Fixtures.LONG));
        assertThrows(IllegalArgumentException.class,
                () -> SqlParamSpec.dateTime("Now", ClassName.get(java.time.Instant.class), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new SqlParamSpec(SqlParamSpec.Kind.CONSTANT, "x", null,
                Fixtures.STRING, List.of(new SqlParamSpec.Offset(1, TokenMeaning.Period.DAY))));
        assertThrows(IllegalArgumentException.class,
                () -> new SqlParamSpec(SqlParamSpec.Kind.DATE_TIME, null, null, Fixtures.LONG));
        assertThrows(IllegalArgumentException.class,
                () -> new CompiledSqlConstraint("{a}.x = ?", List.of(), Set.of()));
    }
}
