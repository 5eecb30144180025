package dev.warden.processor.constraint;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.processor.constraint.ConstraintProblem.Kind;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ConstraintParserTest {

    private static Expr parse(String text) {
        ParseResult result = ConstraintParser.parse(text);
        assertFalse(result.hasProblems(), () -> "unexpected problems: " + result.problems());
        return result.expression().orElseThrow();
    }

    private static ConstraintProblem problem(String text) {
        ParseResult result = ConstraintParser.parse(text);
        assertTrue(result.hasProblems(), () -> "expected a syntax problem in " + text);
        assertEquals(1, result.problems().size());
        ConstraintProblem p = result.problems().get(0);
        assertEquals(Kind.SYNTAX, p.kind());
        return p;
    }

    private static void assertSpan(int offset, int length, Node node) {
        assertEquals(new Span(offset, length), node.span(), () -> "span of " + node);
    }

    // -------------------------------------------------------------------------------------------- the trees

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "[owner = '[%CurrentUser%]']                   | (= owner [%CurrentUser%])",
        "[owner = [%CurrentUser%]]                     | (= owner [%CurrentUser%])",
        "[owner=\"[%CurrentUser%]\"]                   | (= owner [%CurrentUser%])",
        "[a and b or c]                                | (or (and a b) c)",
        "[a or b and c]                                | (or a (and b c))",
        "[(a or b) and c]                              | (and (or a b) c)",
        "[a and b and c]                               | (and a b c)",
        "[not(lines)]                                  | (not lines)",
        "[not ( a = 1 ) and not(b)]                    | (and (not (= a #1)) (not b))",
        "[a][b = 2]                                    | (and a (= b #2))",
        "[customer/accountManager = '[%CurrentUser%]'] | (= customer/accountManager [%CurrentUser%])",
        "[contains(name, 'x')]                         | (contains name 'x')",
        "[starts-with(customer/name, 'A')]             | (starts-with customer/name 'A')",
        "[ends-with(name,'z') or starts-with(name,'a')] | (or (ends-with name 'z') (starts-with name 'a'))",
        "[a != 1][b < -2.5][c <= 3][d > 4][e >= 0.0]   | (and (!= a #1) (< b #-2.5) (<= c #3) (> d #4) (>= e #0.0))",
        "[paid = true()][archived != false()]          | (and (= paid true()) (!= archived false()))",
        "[customer = empty]                            | (= customer empty)",
        "[amount < limit]                              | (< amount /limit)",
        "[price = lines/product/price]                 | (= price /lines/product/price)",
        "['[%UserRole_Manager%]' or owner = 1]         | (or [%UserRole_Manager%] (= owner #1))",
        "[[%UserRole_Manager%]]                        | [%UserRole_Manager%]",
        "[contains = 'x']                              | (= contains 'x')",
        "[ordinary]                                    | ordinary",
        "[émile = 'ü']                                 | (= émile 'ü')",
        "`  [\n a\t= 1 \n]  `                           | (= a #1)",
        // security-model.md §6
        "[carrier != NULL]                             | (!= carrier NULL)",
        "[carrier = NULL or carrier = empty]           | (or (= carrier NULL) (= carrier empty))",
        "[paid = 'true'][archived != 'false']          | (and (= paid 'true') (!= archived 'false'))",
        "[true()]                                      | true()",
        "[false()]                                     | false()",
        "[ true ( ) ]                                  | true()",
        "[true() and paid or not(false())]             | (or (and true() paid) (not false()))",
        "[string-length(name) > 3]                     | (> string-length(name) #3)",
        "[length( customer/name ) = empty]             | (= length(customer/name) empty)",
        "[year-from-dateTime(created) = 2024]          | (= year-from-dateTime(created) #2024)",
        "[day-of-year-from-dateTime(d) != quantity]    | (!= day-of-year-from-dateTime(d) /quantity)",
        "[weekday-from-dateTime (d) < '[%Tenant%]']    | (< weekday-from-dateTime(d) [%Tenant%])",
        "[created >= '[%BeginOfCurrentDay%] - 3 * [%DayLength%]'] | (>= created (time [%BeginOfCurrentDay%] - 3 [%DayLength%]))",
        "[c < '[%CurrentDateTime%]+[%HourLength%]-2*[%MinuteLength%]'] | (< c (time [%CurrentDateTime%] + 1 [%HourLength%] - 2 [%MinuteLength%]))",
        "[c = '[%BeginOfCurrentWeekUTC%]']             | (= c [%BeginOfCurrentWeekUTC%])",
        "[lines[quantity > 10 and product/active = true()]] | lines[(and (> quantity #10) (= product/active true()))]",
        "[customer/orders[lines[sku = 'x']] or not(lines[ quantity < 0 ])] | (or customer/orders[lines[(= sku 'x')]] (not lines[(< quantity #0)]))",
        "[lines[true()]][lines/quantity > 1]           | (and lines[true()] (> lines/quantity #1))",
    })
    void parsesTrees(String text, String tree) {
        assertEquals(tree, AstPrinter.print(parse(text)));
    }

    @Test
    void spansOfAComparison() {
        String text = "[owner = '[%CurrentUser%]']";
        Expr.Comparison c = assertInstanceOf(Expr.Comparison.class, parse(text));
        assertSpan(1, 25, c);
        assertSpan(1, 5, c.left());
        assertSpan(1, 5, c.left().first());
        assertSpan(7, 1, new Expr.PathTest(c.left(), c.opSpan()));
        Operand.TokenRef token = assertInstanceOf(Operand.TokenRef.class, c.right());
        assertSpan(9, 17, token);
        assertEquals("CurrentUser", token.name());
        assertTrue(token.quoted());
        assertEquals("'[%CurrentUser%]'", token.span().of(text));
    }

    @Test
    void spansOfPathsAndOperators() {
        String text = "[ customer / accountManager/name >= lines/sku ]";
        Expr.Comparison c = assertInstanceOf(Expr.Comparison.class, parse(text));
        assertEquals("customer / accountManager/name", c.left().span().of(text));
        assertEquals(List.of("customer", "accountManager", "name"),
                c.left().segments().stream().map(Path.Segment::name).toList());
        assertSpan(13, 14, c.left().segments().get(1));
        assertEquals(">=", c.opSpan().of(text));
        assertEquals("lines/sku", c.right().span().of(text));
        assertEquals("customer / accountManager/name >= lines/sku", c.span().of(text));
    }

    @Test
    void spansOfAndOrNotAndFunctions() {
        String text = "[(a or b) and not(c) and contains(d, 'x''y')][e]";
        Expr.And brackets = assertInstanceOf(Expr.And.class, parse(text));
        assertSpan(0, text.length(), brackets);
        Expr.And and = assertInstanceOf(Expr.And.class, brackets.operands().get(0));
        assertEquals("(a or b) and not(c) and contains(d, 'x''y')", and.span().of(text));
        Expr.Or or = assertInstanceOf(Expr.Or.class, and.operands().get(0));
        assertEquals("a or b", or.span().of(text));
        assertEquals("not(c)", and.operands().get(1).span().of(text));
        Expr.FunctionCall f = assertInstanceOf(Expr.FunctionCall.class, and.operands().get(2));
        assertEquals("contains(d, 'x''y')", f.span().of(text));
        assertEquals("'x''y'", f.textSpan().of(text));
        assertEquals("x'y", f.text());
    }

    @Test
    void literals() {
        Expr.Comparison n = assertInstanceOf(Expr.Comparison.class, parse("[a = -0012.50]"));
        Operand.NumberLiteral number = assertInstanceOf(Operand.NumberLiteral.class, n.right());
        assertEquals("-0012.50", number.text());
        assertEquals(new BigDecimal("-12.50"), number.value());
        assertFalse(number.isWhole());
        assertSpan(5, 8, number);

        Expr.Comparison s = assertInstanceOf(Expr.Comparison.class, parse("[a = \"say \"\"hi\"\" it's\"]"));
        assertEquals("say \"hi\" it's", assertInstanceOf(Operand.StringLiteral.class, s.right()).value());

        Expr.Comparison b = assertInstanceOf(Expr.Comparison.class, parse("[a = true ( )]"));
        assertSpan(5, 8, b.right());

        Expr.Comparison t = assertInstanceOf(Expr.Comparison.class, parse("[a = [%Region%]]"));
        Operand.TokenRef token = assertInstanceOf(Operand.TokenRef.class, t.right());
        assertFalse(token.quoted());
        assertSpan(5, 10, token);

        Expr.Comparison notAToken = assertInstanceOf(Expr.Comparison.class, parse("[a = 'x[%Region%]']"));
        assertInstanceOf(Operand.StringLiteral.class, notAToken.right());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "\n\t "})
    void blankIsNoConstraint(String text) {
        ParseResult result = ConstraintParser.parse(text);
        assertTrue(result.isEmpty());
        assertFalse(result.hasProblems());
    }

    @Test
    void nullIsNoConstraint() {
        assertTrue(ConstraintParser.parse(null).isEmpty());
    }

    // ------------------------------------------------------------------------------------------- the errors

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // text                           | offset | length | message
        "[owner = '[%CurrentUser%]'        | 26 | 0 | expected ']' to close the constraint but found end of text",
        "[]                                | 0  | 2 | expected a condition inside '[ ]' but found ']'",
        "owner = 1                         | 0  | 5 | expected '[' to start the constraint but found 'owner'",
        "[owner = ]                        | 9  | 1 | expected a value after '=' but found ']'",
        "[owner = ]                        | 9  | 1 | expected a value after '=' but found ']'",
        "[owner]]                          | 7  | 1 | expected '[' or end of text after ']' but found ']'",
        "[a] b                             | 4  | 1 | expected '[' or end of text after ']' but found 'b'",
        "[name = 'abc]                     | 8  | 5 | unterminated string: expected a closing ' but found end of text",
        "`[name = \"abc]`                  | 8  | 5 | unterminated string: expected a closing \" but found end of text",
        "[a # b]                           | 3  | 1 | unexpected character '#'",
        "[not lines]                       | 5  | 5 | expected '(' after 'not' but found 'lines'",
        "[(a = 1]                          | 7  | 1 | expected ')' to close '(' but found ']'",
        "[not(a = 1]                       | 10 | 1 | expected ')' to close 'not(' but found ']'",
        "[a = 1)]                          | 6  | 1 | expected ']' to close the constraint but found ')'",
        "[a AND b]                         | 3  | 3 | expected ']' to close the constraint but found 'AND'",
        "[a = 1.]                          | 5  | 2 | expected a digit after '.' in the number 1. but found ']'",
        "[a = -]                           | 5  | 1 | expected a digit after '-' but found ']'",
        "[a <> 1]                          | 3  | 2 | '<>' is not an operator",
        "[a ! b]                           | 3  | 1 | expected '!=' but found '!'",
        "[a.b = 1]                         | 2  | 1 | unexpected character '.'",
        "[contains(name 'x')]              | 15 | 3 | expected ',' after the member path in contains() but found the string 'x'",
        "[contains(name, 1)]               | 16 | 1 | expected a string as the second argument of contains() but found the number 1",
        "[contains(, 'x')]                 | 10 | 1 | expected a member path as the first argument of contains() but found ','",
        "[contains(name, 'x']              | 19 | 1 | expected ')' to close contains( but found ']'",
        "['[%CurrentUser%]' = owner]       | 1  | 19 | a comparison must start with a member path, not with a token",
        "[a = true]                        | 9  | 1 | expected '(' after 'true' but found ']'",
        "[a = false(]                      | 11 | 1 | expected ')' after 'false(' but found ']'",
        "[a/ = 1]                          | 4  | 1 | expected a member name after '/' but found '='",
        "[and]                             | 1  | 3 | expected a condition but found 'and'",
        "[a and]                           | 6  | 1 | expected a condition but found ']'",
        "[a or or b]                       | 6  | 2 | expected a condition but found 'or'",
        "[a = = 1]                         | 5  | 1 | expected a value after '=' but found '='",
        "[a = 'x' 'y']                     | 9  | 3 | expected ']' to close the constraint but found the string 'y'",
        "[a 'x']                           | 3  | 3 | expected an operator (= != < <= > >=) after 'a' but found the string 'x'",
        "[a = '[%Bad Name%]']              | 5  | 14 | malformed token [%Bad Name%]: a token name is a Java identifier",
        "[a = [%Unterminated]              | 5  | 15 | unterminated token: expected '%]' but found end of text",
        "[a = and]                         | 5  | 3 | expected a value after '=' but found 'and'",
        "['abc']                           | 1  | 5 | expected a condition but found the string 'abc'",
        "[42]                              | 1  | 2 | expected a condition but found the number 42",
        "[true]                            | 5  | 1 | expected '(' after 'true' but found ']'",
        "[false(]                          | 7  | 1 | expected ')' after 'false(' but found ']'",
        "[true() = paid]                   | 1  | 8 | a comparison must start with a member path, not with true()",
        "[a = null]                        | 5  | 4 | expected a value after '=' but found 'null'",
        "[a = Null]                        | 5  | 4 | expected a value after '=' but found 'Null'",
        "[NULL]                            | 1  | 4 | expected a condition but found 'NULL'",
        "[a/NULL = 1]                      | 3  | 4 | expected a member name after '/' but found 'NULL'",
        "[a = 1] [                         | 9  | 0 | expected a condition but found end of text",
        "[                                 | 1  | 0 | expected a condition but found end of text",
        "]                                 | 0  | 1 | expected '[' to start the constraint but found ']'",
        "[a = empty()]                     | 10 | 1 | expected ']' to close the constraint but found '('",
        "[a = 1 & b = 2]                   | 7  | 1 | unexpected character '&'",
    })
    void reportsSyntaxErrors(String text, int offset, int length, String message) {
        ConstraintProblem p = problem(text.strip());
        assertEquals(message, p.message());
        assertEquals(new Span(offset, length), p.span(), () -> p.render(text.strip()));
    }

    @Test
    void hintsSayHowToFix() {
        assertEquals("keywords are lower-case: write 'and'", problem("[a AND b]").hint());
        assertEquals("a constraint is written in square brackets, as in [owner = 1]", problem("owner = 1").hint());
        assertEquals("swap the two sides, as in [owner = '[%CurrentUser%]']",
                problem("['[%CurrentUser%]' = owner]").hint());
        assertEquals("separate the members of a path with '/', as in customer/name", problem("[a.b = 1]").hint());
        assertEquals("write '!=' for 'not equal'", problem("[a <> 1]").hint());
        assertEquals("write not(condition), as in not(lines)", problem("[not lines]").hint());
        assertEquals("join conditions with 'and' or 'or'", problem("[a b]").hint());
        assertEquals("no value is written NULL (in capitals) or empty", problem("[a = null]").hint());
        assertEquals("swap the two sides, as in [active = true()]", problem("[true() = active]").hint());
        assertEquals("write true(), as in [true()] or [active = true()]", problem("[true]").hint());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        // text                                                     | kind             | offset | length | message
        "[count(lines) > 1]                                         | UNKNOWN_FUNCTION | 1  | 5  | unknown function 'count'",
        "[strng-length(name) > 1]                                   | UNKNOWN_FUNCTION | 1  | 12 | unknown function 'strng-length'",
        "[string-length(name)]                                      | SYNTAX           | 20 | 1  | expected an operator (= != < <= > >=) after string-length(name) but found ']'",
        "[string-length(name, 2) > 1]                               | SYNTAX           | 19 | 1  | expected ')' to close string-length( but found ','",
        "[year-from-dateTime() = 1]                                 | SYNTAX           | 20 | 1  | expected a member path as the argument of year-from-dateTime() but found ')'",
        "[x > '[%BeginOfCurrentDay%] 3']                            | DATE_ARITHMETIC  | 28 | 1  | expected '+' or '-' after [%BeginOfCurrentDay%] but found '3'",
        "[x > '[%BeginOfCurrentDay%] - 3 [%DayLength%]']            | DATE_ARITHMETIC  | 32 | 1  | expected '*' after the factor 3 but found '['",
        "[x > '[%BeginOfCurrentDay%] - 3 *']                        | DATE_ARITHMETIC  | 33 | 0  | expected a period token such as [%DayLength%] after '-' but found the end of the string",
        "[x > '[%BeginOfCurrentDay%] - 1234567890 * [%DayLength%]'] | DATE_ARITHMETIC  | 30 | 10 | the factor 1234567890 has more than 9 digits",
        "[x > '[%BeginOfCurrentDay%] - [%Day Length%]']             | DATE_ARITHMETIC  | 30 | 14 | malformed token [%Day Length%]: a token name is a Java identifier",
        "[x > '[%BeginOfCurrentDay%] - [%DayLength']                | DATE_ARITHMETIC  | 30 | 11 | unterminated token: expected '%]' but found the end of the string",
        "[lines[]]                                                  | SYNTAX           | 6  | 2  | expected a condition inside '[ ]' after 'lines' but found ']'",
        "[lines[quantity > 1]                                       | SYNTAX           | 20 | 0  | expected ']' to close the constraint but found end of text",
        "[lines[quantity > 1]/sku = 'x']                            | SYNTAX           | 20 | 1  | expected a condition to end after the sub-constraint on 'lines' but found '/'",
        "[lines[quantity > 1] = empty]                              | SYNTAX           | 21 | 1  | expected 'and', 'or' or the end of the condition after the sub-constraint on 'lines' but found '='",
        "[lines[quantity > 1 2]                                     | SYNTAX           | 20 | 1  | expected ']' to close the sub-constraint on 'lines' but found the number 2",
        "[x > '[%A%] + [%B%]' + 1]                                  | SYNTAX           | 21 | 1  | unexpected character '+'",
    })
    void reportsProblemsOfTheNewForms(String text, String kind, int offset, int length, String message) {
        ParseResult result = ConstraintParser.parse(text.strip());
        assertTrue(result.hasProblems(), () -> "expected a problem in " + text);
        ConstraintProblem p = result.problems().get(0);
        assertEquals(Kind.valueOf(kind.strip()), p.kind(), p::toString);
        assertEquals(message.strip(), p.message());
        assertEquals(new Span(offset, length), p.span(), () -> p.render(text.strip()));
    }

    @Test
    void hintsOfTheNewForms() {
        assertEquals("did you mean string-length()?", ConstraintParser.parse("[strng-length(name) > 1]").problems().get(0).hint());
        assertEquals("did you mean year-from-dateTime()?",
                ConstraintParser.parse("[year-from-datetime(d) > 1]").problems().get(0).hint());
        assertTrue(ConstraintParser.parse("[count(lines) > 1]").problems().get(0).hint()
                .startsWith("the functions are not(), true(), false(), contains(), starts-with(), ends-with(), string-length()"));
        assertEquals("compare the function's value, as in [string-length(name) > 3]",
                ConstraintParser.parse("[string-length(name)]").problems().get(0).hint());
        assertEquals("a path cannot go on after a sub-constraint: put the rest inside it, as in lines[member/... = ...]",
                ConstraintParser.parse("[lines[quantity > 1]/sku = 'x']").problems().get(0).hint());
        assertEquals("a sub-constraint is a condition, not a value: compare inside it, as in lines[member = ...]",
                ConstraintParser.parse("[lines[quantity > 1] = empty]").problems().get(0).hint());
        ParseResult deep = ConstraintParser.parse("[" + "a[".repeat(150) + "b" + "]".repeat(151));
        assertTrue(deep.problems().get(0).message().contains("more than 100 levels deep"), deep.problems().toString());
    }

    @Test
    void spansOfDateArithmetic() {
        Expr.Comparison c = assertInstanceOf(Expr.Comparison.class,
                parse("[x >= '[%BeginOfCurrentDay%] - 3 * [%DayLength%]']"));
        Operand.DateArithmetic arithmetic = assertInstanceOf(Operand.DateArithmetic.class, c.right());
        assertSpan(6, 43, arithmetic);
        assertSpan(7, 21, arithmetic.base());
        assertSpan(29, 19, arithmetic.offsets().get(0));
        assertSpan(35, 13, arithmetic.offsets().get(0).period());
        assertEquals(-3, arithmetic.offsets().get(0).amount());
    }

    @Test
    void spansOfTheNewForms() {
        Expr.BooleanConstant constant = assertInstanceOf(Expr.BooleanConstant.class, parse("[ false( ) ]"));
        assertSpan(2, 8, constant);
        Expr.Comparison c = assertInstanceOf(Expr.Comparison.class, parse("[carrier != NULL]"));
        Operand.EmptyLiteral nothing = assertInstanceOf(Operand.EmptyLiteral.class, c.right());
        assertEquals("NULL", nothing.keyword());
        assertSpan(12, 4, nothing);
    }

    @Test
    void controlAndInvisibleCharactersAreNamedByCodePoint() {
        assertEquals("unexpected character U+200B", problem("[a\u200B= 1]").message());
        assertEquals("unexpected character U+0000", problem("[a = 1\u0000]").message());
        ConstraintProblem surrogate = problem("[a = \uD83D\uDE00]");
        assertEquals("unexpected character '\uD83D\uDE00'", surrogate.message());
        assertEquals(new Span(5, 2), surrogate.span());
        assertEquals("unexpected character U+D800", problem("[a = \uD800]").message());
    }

    @Test
    void deepNestingIsAProblemNotAStackOverflow() {
        String deep = "[" + "(".repeat(100_000) + "a" + ")".repeat(100_000) + "]";
        ConstraintProblem p = problem(deep);
        assertEquals("the constraint nests parentheses more than 100 levels deep", p.message());
        assertEquals(new Span(101, 1), p.span());
        String deepNot = "[" + "not(".repeat(50_000) + "a" + ")".repeat(50_000) + "]";
        assertTrue(problem(deepNot).message().startsWith("the constraint nests"));

        String fine = "[" + "(".repeat(99) + "a" + ")".repeat(99) + "]";
        assertEquals("a", AstPrinter.print(parse(fine)));
    }

    @Test
    void longFlatConstraintsParse() {
        StringBuilder text = new StringBuilder("[a = 1");
        for (int i = 0; i < 50_000; i++) {
            text.append(i % 2 == 0 ? " and " : " or ").append("b").append(i).append(" = 'x'");
        }
        text.append(']');
        assertInstanceOf(Expr.Or.class, parse(text.toString()));
    }
}
