package dev.warden.processor.constraint;

import static dev.warden.processor.constraint.Fixtures.check;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.palantir.javapoet.ClassName;
import dev.warden.processor.constraint.ConstraintProblem.Kind;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintCheckerTest {

    private static ConstraintProblem only(String constraint) {
        return only(constraint, Fixtures.ENV);
    }

    private static ConstraintProblem only(String constraint, ConstraintEnvironment env) {
        CheckResult result = check(constraint, env);
        assertEquals(1, result.problems().size(), () -> constraint + " gave " + result.problems());
        return result.problems().get(0);
    }

    private static void assertProblem(String constraint, Kind kind, String underlined, String message, String hint) {
        ConstraintProblem p = only(constraint);
        assertEquals(kind, p.kind(), p::toString);
        assertEquals(underlined, p.span().of(constraint), () -> p.render(constraint));
        if (message != null) {
            assertEquals(message, p.message());
        }
        if (hint != null) {
            assertEquals(hint, p.hint());
        }
    }

    // ---------------------------------------------------------------------------------------- well typed

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "[ownerId = '[%CurrentUser%]']",
        "[ownerNumber = [%CurrentUser%]]",
        "[ownerId != '[%CurrentUser%]']",
        "[manager = '[%CurrentUser%]']",
        "[customer/accountManager = '[%CurrentUser%]']",
        "[lines/createdBy = '[%CurrentUser%]']",
        "[ownerName = 'alice' or ownerName > 'b' or ownerName = empty]",
        "[quantity > 5 and quantity <= -3 and discount != 10 and version = 9223372036854775807]",
        "[priority < 32767 and flags >= -128]",
        "[amount >= 10.50 and amount < 1 and serial = 12345678901234567890123]",
        "[weight > 0.5 and ratio <= 2 and score = 1.25]",
        "[paid = true() and archived != false() and paid and archived]",
        "[status = 'OPEN' or status != 'CLOSED' or status = empty]",
        "[createdAt < '[%CurrentDateTime%]' and dueDate >= '[%BeginOfCurrentDay%]']",
        "[updatedAt <= '[%EndOfCurrentDay%]' and offsetAt > '[%CurrentDateTime%]']",
        "[zonedAt = '[%CurrentDateTime%]' and legacyDate < '[%CurrentDateTime%]']",
        "[reference = empty and grade != empty]",
        "[customer = empty or customer != empty or customer]",
        "[lines = empty or lines != empty or lines or not(lines)]",
        "[lines/quantity > 3 and lines/product/price < 10]",
        "[lines/tags/label = 'urgent']",
        "[contains(ownerName, 'x') and starts-with(customer/name, 'A') and ends-with(lines/sku, '-1')]",
        "['[%UserRole_Manager%]' or [%UserRole_Administrator%]]",
        "[archived = '[%UserRole_Manager%]']",
        "[region = '[%Region%]' and tenant = '[%Tenant%]' and dueDate < '[%Cutoff%]' and status = '[%FavouriteStatus%]']",
        "['[%Beta%]']",
        "[amount < limit and quantity < weight and discount = quantity]",
        "[customer = customer/parent]",
        "[lines/quantity > quantity]",
        "[quantity < lines/quantity]",
        "[customer/name = lines/sku]",
        "[region = customer/name]",
        "[cutOff < cutOff]",
        // security-model.md §6
        "[customer != NULL and ownerName = NULL and lines != NULL]",
        "[paid = 'true' and archived != 'false']",
        "[ownerName = 'true']",
        "[true()]",
        "[false()]",
        "[true() and paid or false()]",
        "[createdAt >= '[%BeginOfCurrentMinute%]' and createdAt < '[%EndOfCurrentMinuteUTC%]']",
        "[updatedAt >= '[%BeginOfYesterday%]' and dueDate < '[%EndOfTomorrowUTC%]' and offsetAt > '[%EndOfCurrentYear%]']",
        "[zonedAt <= '[%BeginOfCurrentWeekUTC%]' and legacyDate != '[%EndOfCurrentHour%]']",
        "[createdAt >= '[%BeginOfCurrentDay%] - 3 * [%DayLength%]']",
        "[dueDate < '[%CurrentDateTime%] + [%YearLength%] - 2 * [%MonthLength%] + 3 * [%WeekLength%] - 4 * [%HourLength%]"
                + " + 5 * [%MinuteLength%] - 6 * [%SecondLength%]']",
        "[createdAt > '[%BeginOfCurrentYear%] - 9999 * [%YearLength%]']",
        "[string-length(ownerName) > 3 and length(customer/name) = discount and string-length(region) != empty]",
        "[year-from-dateTime(createdAt) = 2024 and month-from-dateTime(updatedAt) < 3 and day-from-dateTime(dueDate) > 1]",
        "[hours-from-dateTime(offsetAt) = 1 and minutes-from-dateTime(zonedAt) = 2 and seconds-from-dateTime(updatedAt) = 3]",
        "[quarter-from-dateTime(dueDate) = 1 and week-from-dateTime(createdAt) = 53 and weekday-from-dateTime(dueDate) = 1]",
        "[day-of-year-from-dateTime(createdAt) < '[%Tenant%]' and week-from-dateTime(customer/orders/createdAt) != empty]",
        "[lines[quantity > 10 and product/price < 5 and tags[label = 'x']]]",
        "[customer[name = 'x' and accountManager = '[%CurrentUser%]'] or customer/parent[orders]]",
        "[not(lines[sku = empty]) and lines[string-length(sku) > 2 and createdBy = '[%CurrentUser%]']]",
    })
    void acceptsWellTypedConstraints(String constraint) {
        CheckResult result = check(constraint);
        assertTrue(result.isWellTyped(), () -> result.problems().toString());
    }

    @Test
    void reportsRootMembersAndCustomTokens() {
        CheckResult result = check("[customer/name = '[%Region%]' and (lines/quantity > quantity or not(manager))]"
                + "[tenant = '[%Tenant%]' and region = customer/name and '[%UserRole_Manager%]']");
        assertEquals(List.of("customer", "lines", "quantity", "manager", "tenant", "region"),
                List.copyOf(result.rootMembers()));
        assertEquals(List.of("Region", "Tenant"), List.copyOf(result.customTokens()));
        assertTrue(result.constraint().rootMembers().contains("manager"));
    }

    @Test
    void resolvesPathsAndTokensForTheCompilers() {
        ParseResult parsed = ConstraintParser.parse("[customer/accountManager = '[%CurrentUser%]']");
        Expr.Comparison c = (Expr.Comparison) parsed.expression().orElseThrow();
        CheckedConstraint checked = ConstraintChecker.check(parsed, Fixtures.ORDER_SHAPE, Fixtures.ENV).constraint();
        assertEquals(List.of("customer", "accountManager"),
                checked.members(c.left()).stream().map(MemberShape::name).toList());
        assertEquals(TokenMeaning.Kind.CURRENT_USER, checked.token((Operand.TokenRef) c.right()).kind());
    }

    @Test
    void syntaxProblemsPassThrough() {
        CheckResult result = ConstraintChecker.check(ConstraintParser.parse("[a = ]"), Fixtures.ORDER_SHAPE, Fixtures.ENV);
        assertEquals(Kind.SYNTAX, result.problems().get(0).kind());
    }

    // -------------------------------------------------------------------------------------- UNKNOWN_MEMBER

    @Test
    void unknownMemberWithDidYouMean() {
        assertProblem("[ownr = 'x']", Kind.UNKNOWN_MEMBER, "ownr", "'Order' has no member 'ownr'", null);
        assertProblem("[ownerNmae = 'x']", Kind.UNKNOWN_MEMBER, "ownerNmae", null, "did you mean 'ownerName'?");
        assertProblem("[OwnerName = 'x']", Kind.UNKNOWN_MEMBER, "OwnerName", null, "did you mean 'ownerName'?");
        assertProblem("[customer/nme = 'x']", Kind.UNKNOWN_MEMBER, "nme", "'Customer' has no member 'nme'",
                "did you mean 'name'?");
        assertProblem("[lines/tags/lable = 'x']", Kind.UNKNOWN_MEMBER, "lable", null, "did you mean 'label'?");
        assertProblem("[contains(regoin, 'x')]", Kind.UNKNOWN_MEMBER, "regoin", null, "did you mean 'region'?");
        assertProblem("[amount < limt]", Kind.UNKNOWN_MEMBER, "limt", null, "did you mean 'limit'?");
    }

    @Test
    void unknownMemberWithoutACloseNameListsTheMembers() {
        ConstraintProblem p = only("[customer/zzzzzz]");
        assertEquals(Kind.UNKNOWN_MEMBER, p.kind());
        assertEquals("members of Customer: id, name, accountManager, parent, orders", p.hint());
    }

    @Test
    void aSegmentAfterAnAttributeIsUnknown() {
        assertProblem("[ownerName/length = 1]", Kind.UNKNOWN_MEMBER, "length",
                "'ownerName' of Order is a String, not an association, so it has no member 'length'",
                "only associations can be followed with '/'");
    }

    @Test
    void anAssociationToAnUnknownEntity() {
        EntityShape root = new EntityShape("x.A", "A", List.of(MemberShape.toOne("b", ClassName.get("x", "B"), "getB", "x.B")), null);
        CheckResult result = ConstraintChecker.check(ConstraintParser.parse("[b/c = 1]"), root, Fixtures.ENV);
        assertEquals(Kind.UNKNOWN_MEMBER, result.problems().get(0).kind());
        assertEquals("cannot find the members of x.B, the entity 'b' leads to", result.problems().get(0).message());
    }

    // ---------------------------------------------------------------------------------- CALCULATED_MEMBER

    @Test
    void calculatedMembers() {
        assertProblem("[total = 'x']", Kind.CALCULATED_MEMBER, "total",
                "'total' of Order is calculated, and constraints cannot use calculated members",
                "constrain the stored members it is calculated from");
        assertProblem("[ownerName = total]", Kind.CALCULATED_MEMBER, "total", null, null);
        assertProblem("[customer/orders/total = 'x']", Kind.CALCULATED_MEMBER, "total", null, null);
        assertProblem("[contains(total, 'x')]", Kind.CALCULATED_MEMBER, "total", null, null);
    }

    // -------------------------------------------------------------------------------------- TYPE_MISMATCH

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[quantity = 'five']              | 'five'              | 'quantity' is an int, which cannot be compared with the string 'five'",
        "[quantity = 2.5]                 | 2.5                 | 'quantity' is an int, which cannot be compared with the decimal number 2.5",
        "[serial = 1.0]                   | 1.0                 | 'serial' is a BigInteger, which cannot be compared with the decimal number 1.0",
        "[ownerName = 42]                 | 42                  | 'ownerName' is a String, which cannot be compared with the number 42",
        "[paid = 'yes']                   | 'yes'               | 'paid' is a boolean, which cannot be compared with the string 'yes'",
        "[amount = true()]                | true()              | 'amount' is a BigDecimal, which cannot be compared with true()",
        "[customer = 'ACME']              | 'ACME'              | 'customer' is an association to Customer, which cannot be compared with the string 'ACME'",
        "[customer = 1]                   | 1                   | 'customer' is an association to Customer, which cannot be compared with the number 1",
        "[createdAt = 'today']            | 'today'             | 'createdAt' is an Instant, which cannot be compared with the string 'today'",
        "[grade = 'A']                    | 'A'                 | 'grade' is a Character, which cannot be compared with the string 'A'",
        "[reference = 'abc']              | 'abc'               | 'reference' is a UUID, which cannot be compared with the string 'abc'",
        "[status = 1]                     | 1                   | 'status' is an enum (Status), which cannot be compared with the number 1",
        "[ownerName = '[%CurrentDateTime%]'] | '[%CurrentDateTime%]' | 'ownerName' is a String, which cannot be compared with [%CurrentDateTime%] (a date and time)",
        "[quantity = '[%UserRole_Manager%]'] | '[%UserRole_Manager%]' | 'quantity' is an int, which cannot be compared with [%UserRole_Manager%] (a boolean)",
        "[quantity = 3000000000]          | 3000000000          | 'quantity' is an int and the number 3000000000 is out of range for an int",
        "[flags = 128]                    | 128                 | 'flags' is a byte and the number 128 is out of range for a byte",
        "[cutOff < '[%CurrentDateTime%]'] | '[%CurrentDateTime%]' | 'cutOff' is a LocalTime, which [%CurrentDateTime%] cannot be converted to",
        "[region = '[%Tenant%]']          | '[%Tenant%]'        | 'region' is a String but [%Tenant%] is a Long (@AppSecurity tokens)",
        "[ownerName]                      | ownerName           | a member alone is a condition only when it is an association or a boolean, but 'ownerName' is a String",
        "['[%Region%]']                   | '[%Region%]'        | a token alone is a condition only when it is a boolean, but [%Region%] is a String",
        "['[%CurrentUser%]']              | '[%CurrentUser%]'   | a token alone is a condition only when it is a boolean, but [%CurrentUser%] is a Long",
        "[contains(quantity, '1')]        | quantity            | contains() needs a String attribute but 'quantity' is an int",
        "[starts-with(customer, 'A')]     | customer            | starts-with() needs a String attribute but 'customer' is an association to Customer",
        "[quantity = ownerName]           | ownerName           | 'quantity' is an int but 'ownerName' is a String",
        "[amount = quantity]              | quantity            | 'amount' is a BigDecimal but 'quantity' is an int",
        "[customer = manager]             | manager             | 'customer' is a Customer but 'manager' is an Employee",
        "[createdAt < dueDate]            | dueDate             | 'createdAt' is an Instant but 'dueDate' is a LocalDate",
        "[paid = status]                  | status              | 'paid' is a boolean but 'status' is a Status",
        "[paid = 'TRUE']                  | 'TRUE'              | 'paid' is a boolean, which cannot be compared with the string 'TRUE'",
        "[archived = 'yes']               | 'yes'               | 'archived' is a Boolean, which cannot be compared with the string 'yes'",
        "[quantity = 'true']              | 'true'              | 'quantity' is an int, which cannot be compared with the string 'true'",
        "[string-length(quantity) > 1]    | quantity            | string-length() needs a String attribute but 'quantity' is an int",
        "[length(lines) > 1]              | lines               | length() needs a String attribute but 'lines' is a to-many association to OrderLine",
        "[year-from-dateTime(ownerName) = 1] | ownerName        | year-from-dateTime() needs a date and time but 'ownerName' is a String",
        "[year-from-dateTime(cutOff) = 1] | cutOff              | year-from-dateTime() needs a date and time but 'cutOff' is a LocalTime",
        "[hours-from-dateTime(dueDate) = 1] | dueDate           | hours-from-dateTime() needs a time of day but 'dueDate' is a LocalDate, which has none",
        "[year-from-dateTime(legacyDate) = 1] | legacyDate      | year-from-dateTime() cannot take apart 'legacyDate', a java.util.Date: its column may hold a local or a zoned time, so SQL and Java could disagree",
        "[string-length(ownerName) = 'x'] | 'x'                 | 'string-length(ownerName)' is a whole number, which cannot be compared with the string 'x'",
        "[string-length(ownerName) = 2.5] | 2.5                 | 'string-length(ownerName)' is a whole number, which cannot be compared with the decimal number 2.5",
        "[month-from-dateTime(createdAt) = true()] | true()     | 'month-from-dateTime(createdAt)' is a whole number, which cannot be compared with true()",
        "[year-from-dateTime(createdAt) = '[%CurrentDateTime%]'] | '[%CurrentDateTime%]' | 'year-from-dateTime(createdAt)' is a whole number, which cannot be compared with [%CurrentDateTime%] (a date and time)",
        "[string-length(ownerName) = ownerName] | ownerName     | 'string-length(ownerName)' is a whole number but 'ownerName' is a String",
        "[ownerName > '[%BeginOfCurrentDay%] - [%DayLength%]'] | '[%BeginOfCurrentDay%] - [%DayLength%]' | 'ownerName' is a String, which cannot be compared with [%BeginOfCurrentDay%] (a date and time)",
        "[cutOff < '[%BeginOfCurrentWeek%]'] | '[%BeginOfCurrentWeek%]' | 'cutOff' is a LocalTime, which [%BeginOfCurrentWeek%] cannot be converted to",
    })
    void typeMismatches(String constraint, String underlined, String message) {
        assertProblem(constraint.strip(), Kind.TYPE_MISMATCH, underlined.strip(), message.strip(), null);
    }

    @Test
    void typeMismatchHints() {
        assertEquals("to compare with text, quote it: '42'", only("[ownerName = 42]").hint());
        assertEquals("compare it with a whole number", only("[quantity = 2.5]").hint());
        assertEquals("compare it with true() or false() (or 'true' or 'false')", only("[paid = 'yes']").hint());
        assertEquals("write 'false' or false(), in lower case", only("[paid = 'False']").hint());
        assertEquals("to test that it has a value, write ownerName != empty", only("[ownerName]").hint());
        assertEquals("an association can be compared with empty, [%CurrentUser%] or another path to Customer",
                only("[customer = 'ACME']").hint());
    }

    // ----------------------------------------------------------------------------- UNKNOWN_ENUM_CONSTANT

    @Test
    void unknownEnumConstants() {
        assertProblem("[status = 'OPN']", Kind.UNKNOWN_ENUM_CONSTANT, "'OPN'",
                "'OPN' is not a constant of Status, the type of 'status'", "did you mean 'OPEN'?");
        assertProblem("[status != 'open']", Kind.UNKNOWN_ENUM_CONSTANT, "'open'", null, "did you mean 'OPEN'?");
        assertProblem("[status = 'LOST']", Kind.UNKNOWN_ENUM_CONSTANT, "'LOST'", null,
                "constants of Status: OPEN, SHIPPED, CLOSED");
    }

    // -------------------------------------------------------------------------------- CURRENT_USER_TYPE

    @Test
    void currentUserAgainstAMemberOfAnotherType() {
        assertProblem("[ownerName = '[%CurrentUser%]']", Kind.CURRENT_USER_TYPE, "ownerName = '[%CurrentUser%]'",
                "'ownerName' is a String but [%CurrentUser%] is a Long (@AppSecurity userIdType)",
                "compare [%CurrentUser%] with a member of type Long, or change @AppSecurity(userIdType)");
        assertProblem("[quantity = '[%CurrentUser%]']", Kind.CURRENT_USER_TYPE, "quantity = '[%CurrentUser%]'",
                "'quantity' is an int but [%CurrentUser%] is a Long (@AppSecurity userIdType)", null);
    }

    @Test
    void currentUserAgainstAnAssociation() {
        assertProblem("[warehouse = '[%CurrentUser%]']", Kind.CURRENT_USER_TYPE, "warehouse = '[%CurrentUser%]'",
                "'warehouse' leads to Warehouse, whose id 'code' is a String, but [%CurrentUser%] is a Long "
                        + "(@AppSecurity userIdType)", null);
        assertProblem("[product = '[%CurrentUser%]']", Kind.CURRENT_USER_TYPE, "product = '[%CurrentUser%]'",
                "'product' leads to Product, which has no id member to compare with [%CurrentUser%]", null);
    }

    @Test
    void unknownUserIdTypeSkipsTheCheck() {
        assertTrue(check("[ownerName = '[%CurrentUser%]' and warehouse = '[%CurrentUser%]']", Fixtures.OPEN_ENV)
                .isWellTyped());
        ConstraintEnvironment stringIds = new ConstraintEnvironment(Fixtures.LOOKUP, Fixtures.STRING, Map.of(), null);
        assertTrue(check("[ownerName = '[%CurrentUser%]' and warehouse = [%CurrentUser%]]", stringIds).isWellTyped());
        assertEquals(Kind.CURRENT_USER_TYPE, only("[ownerId = '[%CurrentUser%]']", stringIds).kind());
    }

    // ----------------------------------------------------------------------------- UNORDERED_COMPARISON

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "[paid < true()]            | <  | '<' needs a value with an order, but 'paid' is a boolean",
        "[status >= 'OPEN']         | >= | '>=' needs a value with an order, but 'status' is an enum (Status)",
        "[customer > empty]         | >  | 'empty' has no order, so it cannot be compared with '>'",
        "[manager <= manager]       | <= | '<=' needs a value with an order, but 'manager' is an association to Employee",
        "[reference < reference]    | <  | '<' needs a value with an order, but 'reference' is a UUID",
        "[ownerId < '[%CurrentUser%]'] | < | [%CurrentUser%] can only be compared with = or !=",
        "[quantity < empty]         | <  | 'empty' has no order, so it cannot be compared with '<'",
        "[lines > empty]            | >  | 'empty' has no order, so it cannot be compared with '>'",
        "[quantity >= NULL]         | >= | 'NULL' has no order, so it cannot be compared with '>='",
        "[lines < NULL]             | <  | 'NULL' has no order, so it cannot be compared with '<'",
    })
    void unorderedComparisons(String constraint, String underlined, String message) {
        assertProblem(constraint.strip(), Kind.UNORDERED_COMPARISON, underlined.strip(), message.strip(), null);
    }

    // ------------------------------------------------------------------------------------- UNKNOWN_TOKEN

    @Test
    void unknownTokens() {
        assertProblem("[ownerId = '[%CurrentUsr%]']", Kind.UNKNOWN_TOKEN, "'[%CurrentUsr%]'",
                "unknown token [%CurrentUsr%]", "did you mean [%CurrentUser%]?");
        assertProblem("[ownerId = [%currentuser%]]", Kind.UNKNOWN_TOKEN, "[%currentuser%]", null,
                "did you mean [%CurrentUser%]?");
        assertProblem("[region = '[%Regoin%]']", Kind.UNKNOWN_TOKEN, "'[%Regoin%]'", null, "did you mean [%Region%]?");
        assertProblem("['[%UserRole_Manger%]']", Kind.UNKNOWN_TOKEN, "'[%UserRole_Manger%]'",
                "unknown user role 'Manger' in [%UserRole_Manger%]", "did you mean [%UserRole_Manager%]?");
        assertProblem("['[%UserRole_Nobody%]']", Kind.UNKNOWN_TOKEN, "'[%UserRole_Nobody%]'", null,
                "user roles: Administrator, Manager, SalesRep");
        ConstraintProblem far = only("[region = '[%Something%]']");
        assertEquals(Kind.UNKNOWN_TOKEN, far.kind());
        assertEquals("tokens: [%CurrentUser%], [%CurrentDateTime%], [%BeginOf...%] and [%EndOf...%] of CurrentMinute, "
                + "CurrentHour, CurrentDay, Yesterday, Tomorrow, CurrentWeek, CurrentMonth and CurrentYear (also ...UTC), "
                + "[%DayLength%] and the other periods in date arithmetic, [%Beta%], [%Cutoff%], [%FavouriteStatus%], "
                + "[%Region%], [%Tenant%], [%UserRole_Administrator%], [%UserRole_Manager%], [%UserRole_SalesRep%]",
                far.hint());
    }

    @Test
    void misspeltTimeAndPeriodTokens() {
        assertProblem("[createdAt > '[%BeginOfCurrentWek%]']", Kind.UNKNOWN_TOKEN, "'[%BeginOfCurrentWek%]'",
                "unknown token [%BeginOfCurrentWek%]", "did you mean [%BeginOfCurrentWeek%]?");
        assertProblem("[createdAt > '[%BeginOfCurrentDayUtc%]']", Kind.UNKNOWN_TOKEN, "'[%BeginOfCurrentDayUtc%]'", null,
                "did you mean [%BeginOfCurrentDayUTC%]?");
        assertProblem("[createdAt > '[%BeginOfCurrentDay%] - 3 * [%DayLenght%]']", Kind.UNKNOWN_TOKEN, "[%DayLenght%]",
                "unknown token [%DayLenght%]", "did you mean [%DayLength%]?");
    }

    // ----------------------------------------------------------------------------------- DATE_ARITHMETIC

    @Test
    void dateArithmeticProblems() {
        assertProblem("[createdAt > '[%DayLength%]']", Kind.DATE_ARITHMETIC, "'[%DayLength%]'",
                "[%DayLength%] is a period, not a date and time: it can only be added to or subtracted from a date-time "
                        + "token", "write it after a date-time token in one string, as in '[%CurrentDateTime%] - 1 * "
                        + "[%DayLength%]'");
        assertProblem("[createdAt > '[%Tenant%] + [%DayLength%]']", Kind.DATE_ARITHMETIC, "[%Tenant%]",
                "date arithmetic starts with a date-time token, but [%Tenant%] is a Long",
                "start with a date-time token, as in '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'");
        assertProblem("[createdAt > '[%HourLength%] + [%DayLength%]']", Kind.DATE_ARITHMETIC, "[%HourLength%]",
                "date arithmetic starts with a date-time token, but [%HourLength%] is a period", null);
        assertProblem("[createdAt > '[%BeginOfCurrentDay%] + [%CurrentDateTime%]']", Kind.DATE_ARITHMETIC,
                "[%CurrentDateTime%]", "only periods can be added to or subtracted from a date and time, but "
                        + "[%CurrentDateTime%] is a date and time", null);
        assertProblem("[createdAt > '[%BeginOfCurrentDay%] + 2 * [%Tenant%]']", Kind.DATE_ARITHMETIC, "[%Tenant%]",
                null, "add a period: [%SecondLength%], [%MinuteLength%], [%HourLength%], [%DayLength%], [%WeekLength%], "
                        + "[%MonthLength%] or [%YearLength%]");
        assertProblem("[createdAt > '[%BeginOfCurrentDay%] + 10001 * [%YearLength%]']", Kind.DATE_ARITHMETIC,
                "'[%BeginOfCurrentDay%] + 10001 * [%YearLength%]'",
                "the periods add up to more than 10000 years, beyond the dates a database stores", "use a smaller factor");
        assertProblem("[createdAt > '[%CurrentDateTime%] - 400000 * [%MonthLength%] + 400000 * [%MonthLength%]']",
                Kind.DATE_ARITHMETIC, "'[%CurrentDateTime%] - 400000 * [%MonthLength%] + 400000 * [%MonthLength%]'",
                null, null);
        assertProblem("['[%DayLength%]']", Kind.TYPE_MISMATCH, "'[%DayLength%]'",
                "a token alone is a condition only when it is a boolean, but [%DayLength%] is a period", null);
    }

    @Test
    void subConstraints() {
        assertProblem("[ownerName[x = 1]]", Kind.NOT_AN_ASSOCIATION, "ownerName",
                "a sub-constraint is a condition on an association's objects, but 'ownerName' is a String",
                "put the conditions on 'ownerName' itself in the outer brackets, or follow an association, as in "
                        + "customer[name = 'x']");
        assertProblem("[lines[skuu = 'x']]", Kind.UNKNOWN_MEMBER, "skuu", "'OrderLine' has no member 'skuu'",
                "did you mean 'sku'?");
        assertProblem("[lines[quantity = 'x']]", Kind.TYPE_MISMATCH, "'x'", null, null);
        assertProblem("[lines[ownerName = 'x']]", Kind.UNKNOWN_MEMBER, "ownerName", "'OrderLine' has no member "
                + "'ownerName'", null);
        assertProblem("[customer[accountManager/id[x = 1]]]", Kind.NOT_AN_ASSOCIATION, "accountManager/id", null, null);
        CheckResult both = check("[lines[sku = 'x' and quantity > 1] and customer[parent[name = 'y']]][ownerName = 'z']");
        assertEquals(List.of("lines", "customer", "ownerName"), List.copyOf(both.rootMembers()),
                "the members inside a sub-constraint are the associated entity's");
    }

    @Test
    void conditionsThroughTheSameToManySeparatelyAreAWarning() {
        String text = "[lines/quantity > 10][contains(lines/sku, 'a') and lines/product/price < 5]";
        List<ConstraintProblem> warnings = check(text).constraint().warnings(text);
        assertEquals(1, warnings.size(), warnings::toString);
        ConstraintProblem w = warnings.get(0);
        assertEquals(Kind.SEPARATE_TO_MANY, w.kind());
        assertEquals("contains(lines/sku, 'a')", w.span().of(text));
        assertEquals("3 conditions go through the to-many association 'lines' separately, so different objects of it "
                + "may satisfy them", w.message());
        assertEquals("to require one object to satisfy all of them, write lines[quantity > 10 and contains(sku, 'a') and "
                + "product/price < 5]; if different objects are meant, suppress this warning with "
                + "@SuppressWarnings(\"warden:separate-to-many\")", w.hint());
        for (String fine : new String[] {"[lines[quantity > 10 and sku = 'a']]", "[lines/quantity > 10 or lines/sku = 'a']",
            "[lines/quantity > 10 and not(lines/sku = 'a')]", "[lines and lines/sku = 'a']",
            "[lines/quantity > 10 and customer/orders/quantity > 1]", "[lines/quantity > quantity and lines/sku = 'a']"}) {
            assertEquals(List.of(), check(fine).constraint().warnings(fine), fine);
        }
        String nested = "[customer[orders/quantity > 1 and orders/ownerName = 'x']]";
        assertEquals("orders[quantity > 1 and ownerName = 'x']",
                check(nested).constraint().warnings(nested).get(0).hint().replaceAll(".*write (.*?);.*", "$1"));
        String deeper = "[customer/orders/quantity > 1][customer/orders/lines/sku = 'x']";
        assertEquals(1, check(deeper).constraint().warnings(deeper).size(), "the first to-many hop, customer/orders");
    }

    @Test
    void functionsDependOnTheMemberTheyTakeAndCountAsRootMembers() {
        CheckResult result = check("[string-length(customer/name) > 3][year-from-dateTime(createdAt) = 2024]");
        assertEquals(List.of("customer", "createdAt"), List.copyOf(result.rootMembers()));
    }

    @Test
    void anyUserRoleIsAcceptedWhenTheRolesAreUnknown() {
        assertTrue(check("['[%UserRole_Whoever%]']", Fixtures.OPEN_ENV).isWellTyped());
    }

    // --------------------------------------------------------------------------------- AMBIGUOUS_TO_MANY

    @Test
    void toManyComparedWithSomethingOtherThanEmpty() {
        assertProblem("[lines = '[%CurrentUser%]']", Kind.AMBIGUOUS_TO_MANY, "lines = '[%CurrentUser%]'",
                "'lines' is a to-many association (List<OrderLine>), so it can only be compared with empty",
                "compare an attribute reached through it (lines/member = ...), or test the association itself "
                        + "with lines or not(lines)");
        assertProblem("[customer/orders = customer/orders]", Kind.AMBIGUOUS_TO_MANY,
                "customer/orders = customer/orders", null, null);
        assertProblem("[manager = lines]", Kind.AMBIGUOUS_TO_MANY, "manager = lines",
                "'lines' is a to-many association (List<OrderLine>), so it cannot be compared with 'manager'", null);
    }

    @Test
    void bothSidesThroughToMany() {
        assertProblem("[lines/quantity = customer/orders/quantity]", Kind.AMBIGUOUS_TO_MANY,
                "lines/quantity = customer/orders/quantity",
                "both sides of '=' go through a to-many association, so it is not clear which elements to compare",
                null);
    }

    // ------------------------------------------------------------------------------------ several problems

    @Test
    void reportsEveryProblemInOrder() {
        String text = "[ownr = 1 and status = 'OPN' or quantity = '[%CurrentUsr%]']";
        CheckResult result = check(text);
        assertEquals(List.of(Kind.UNKNOWN_MEMBER, Kind.UNKNOWN_ENUM_CONSTANT, Kind.UNKNOWN_TOKEN),
                result.problems().stream().map(ConstraintProblem::kind).toList());
        assertTrue(result.checked().isEmpty());
        assertEquals(Set.of(), result.rootMembers());
    }

    @Test
    void rendersACaretUnderTheProblem() {
        String text = "[ownerId = '[%CurrentUsr%]']";
        assertEquals("unknown token [%CurrentUsr%]\n"
                + "  [ownerId = '[%CurrentUsr%]']\n"
                + "             ^^^^^^^^^^^^^^^^\n"
                + "  did you mean [%CurrentUser%]?", only(text).render(text));
    }
}
