package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.caretUnder;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;

import com.google.testing.compile.Compilation;
import dev.warden.processor.testing.WardenCompiler;
import java.util.List;
import java.util.Locale;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/**
 * Errors in constraints (E010 to E018): each on the {@code constraint} value, with the constraint text and a
 * caret line under the part that is wrong.
 */
class ConstraintDiagnosticsTest {

    /** {@code fx.shop.Status}: DRAFT, SENT. */
    private static final JavaFileObject STATUS = entity("Status", """
            public enum Status { DRAFT, SENT }
            """);

    /** An associated entity: id and name. */
    private static final JavaFileObject CUSTOMER = entity("Customer", """
            @SecuredEntity
            @AccessRule(roles = "User", defaultAccess = Access.READ)
            public class Customer {
                private Long id;
                private String name;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getName() { return name; }
                public void setName(String name) { this.name = name; }
            }
            """);

    /** The target of a to-many association: id and label. */
    private static final JavaFileObject TAG = entity("Tag", """
            @SecuredEntity
            @AccessRule(roles = "User", defaultAccess = Access.READ)
            public class Tag {
                private Long id;
                private String label;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getLabel() { return label; }
                public void setLabel(String label) { this.label = label; }
            }
            """);

    /**
     * A ticket whose only rule (role User, everything READ) has this constraint, written alone on its line:
     * members id, title, status (Status), owner (Long), ownerName (String), price (BigDecimal), customer
     * (to-one Customer), tags (to-many Tag), urgent (Boolean), created (Instant), due (LocalDate) and summary
     * (calculated).
     */
    private static JavaFileObject ticket(String constraint) {
        return entity("Ticket", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "%s")
                public class Ticket {
                    private Long id;
                    private String title;
                    private Status status;
                    private Long owner;
                    private String ownerName;
                    private BigDecimal price;
                    private Customer customer;
                    private List<Tag> tags;
                    private Boolean urgent;
                    private java.time.Instant created;
                    private java.time.LocalDate due;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getTitle() { return title; }
                    public void setTitle(String title) { this.title = title; }
                    public Status getStatus() { return status; }
                    public void setStatus(Status status) { this.status = status; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                    public String getOwnerName() { return ownerName; }
                    public void setOwnerName(String ownerName) { this.ownerName = ownerName; }
                    public BigDecimal getPrice() { return price; }
                    public void setPrice(BigDecimal price) { this.price = price; }
                    public Customer getCustomer() { return customer; }
                    public void setCustomer(Customer customer) { this.customer = customer; }
                    public List<Tag> getTags() { return tags; }
                    public void setTags(List<Tag> tags) { this.tags = tags; }
                    public Boolean getUrgent() { return urgent; }
                    public void setUrgent(Boolean urgent) { this.urgent = urgent; }
                    public java.time.Instant getCreated() { return created; }
                    public void setCreated(java.time.Instant created) { this.created = created; }
                    public java.time.LocalDate getDue() { return due; }
                    public void setDue(java.time.LocalDate due) { this.due = due; }
                    @Calculated
                    public String getSummary() { return title + " " + status; }
                }
                """.formatted(constraint));
    }

    private static Compilation compileTicket(JavaFileObject ticket) {
        return DiagnosticFixtures.compile(STATUS, CUSTOMER, TAG, ticket);
    }

    /**
     * Asserts the one error with this code: on the constraint line of the ticket, with the constraint and
     * under it {@code caret} (aligned with the constraint's first character), and the hint. Returns the message.
     */
    private static String assertConstraintError(String code, String constraint, String caret, String hint) {
        JavaFileObject ticket = ticket(constraint);
        Compilation compilation = compileTicket(ticket);

        assertThat(compilation).hadErrorContaining("[" + code + "]").inFile(ticket)
                .onLineContaining("constraint = \"" + constraint + "\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, code);
        assertThat(caretUnder(message, constraint)).isEqualTo(caret);
        assertThat(message).contains("hint: " + hint);
        return message;
    }

    @Test
    void aValidConstraintCompiles() {
        Compilation compilation = compileTicket(ticket("[status = 'DRAFT'][customer/name = 'ACME']"));

        assertThat(compilation).succeededWithoutWarnings();
        assertThat(compilation).generatedSourceFile("fx.shop.TicketPolicy");
    }

    @Test
    void errorInTheConstraintOfTheSecondRuleIsReportedOnThatConstraint() {
        JavaFileObject customer = entity("Customer", """
                @SecuredEntity
                @AccessRule(roles = "Manager", defaultAccess = Access.READ,
                        constraint = "[name = 'ACME']")
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[nmae = 'ACME']")
                public class Customer {
                    private Long id;
                    private String name;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getName() { return name; }
                    public void setName(String name) { this.name = name; }
                }
                """);

        Compilation compilation = DiagnosticFixtures.compile(customer);

        assertThat(compilation).hadErrorContaining("[WARDEN-E011]").inFile(customer)
                .onLineContaining("constraint = \"[nmae = 'ACME']\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E011");
        assertThat(message).contains("unknown member in the constraint of rule 2 of Customer");
        assertThat(caretUnder(message, "[nmae = 'ACME']")).isEqualTo(" ^^^^");
        assertThat(message).contains("hint: did you mean 'name'?");
    }

    // ---------------------------------------------------------------- E010

    @Test
    void syntaxErrorMissingOperand() {
        String message = assertConstraintError("WARDEN-E010", "[title = ]",
                "         ^", "compare with a string, a number, true(), false(), empty, NULL, a token or a member path");
        assertThat(message).contains("syntax error in the constraint of rule 1 of Ticket");
    }

    @Test
    void syntaxErrorUnclosedBracket() {
        String message = assertConstraintError("WARDEN-E010", "[title = 'x'",
                "            ^", "correct the constraint where the caret points");
        assertThat(message).contains(
                "syntax error in the constraint of rule 1 of Ticket: expected ']' to close the constraint but found end of text");
    }

    @Test
    void syntaxErrorUnknownOperator() {
        String message = assertConstraintError("WARDEN-E010", "[title == 'x']",
                "        ^", "write one operator: = != < <= > >=");
        assertThat(message).contains("syntax error in the constraint of rule 1 of Ticket");
    }

    // ---------------------------------------------------------------- E011 to E018

    @Test
    void unknownMember() {
        String message = assertConstraintError("WARDEN-E011", "[stauts = 'DRAFT']",
                " ^^^^^^", "did you mean 'status'?");
        assertThat(message).contains("unknown member in the constraint of rule 1 of Ticket: 'Ticket' has no member 'stauts'");
    }

    @Test
    void unknownPathSegment() {
        String message = assertConstraintError("WARDEN-E011", "[customer/nmae = 'ACME']",
                "          ^^^^", "did you mean 'name'?");
        assertThat(message).contains("'Customer' has no member 'nmae'");
    }

    @Test
    void pathThroughAnAttribute() {
        String message = assertConstraintError("WARDEN-E011", "[title/length = 3]",
                "       ^^^^^^", "only associations can be followed with '/'");
        assertThat(message).contains("'title' of Ticket is a String, not an association");
    }

    @Test
    void wrongLiteralType() {
        String message = assertConstraintError("WARDEN-E012", "[title = 42]",
                "         ^^", "to compare with text, quote it: '42'");
        assertThat(message).contains("type error in the constraint of rule 1 of Ticket");
    }

    @Test
    void unknownEnumConstant() {
        String message = assertConstraintError("WARDEN-E013", "[status = 'DRAFTED']",
                "          ^^^^^^^^^", "did you mean 'DRAFT'?");
        assertThat(message).contains("'DRAFTED' is not a constant of Status");
    }

    @Test
    void currentUserComparedWithAMemberOfAnotherType() {
        String message = assertConstraintError("WARDEN-E014", "[ownerName = '[%CurrentUser%]']",
                " ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^", "compare [%CurrentUser%] with a member of type Long");
        assertThat(message).contains("'ownerName' is a String");
    }

    @Test
    void orderingOnAnUnorderedType() {
        String message = assertConstraintError("WARDEN-E015", "[status > 'DRAFT']",
                "        ^", "compare it with = or !=");
        assertThat(message).contains("'>' needs a value with an order, but 'status' is an enum (Status)");
    }

    @Test
    void calculatedMember() {
        String message = assertConstraintError("WARDEN-E016", "[summary = 'x']",
                " ^^^^^^^", "constrain the stored members it is calculated from");
        assertThat(message).contains("'summary' of Ticket is calculated");
    }

    @Test
    void unknownToken() {
        String message = assertConstraintError("WARDEN-E017", "[owner = '[%CurrentUsr%]']",
                "         ^^^^^^^^^^^^^^^^", "did you mean [%CurrentUser%]?");
        assertThat(message).contains("unknown token in the constraint of rule 1 of Ticket");
    }

    @Test
    void unknownUserRoleToken() {
        String message = assertConstraintError("WARDEN-E017", "['[%UserRole_Admn%]']",
                " ^^^^^^^^^^^^^^^^^^^", "did you mean [%UserRole_Admin%]?");
        assertThat(message).contains("unknown user role 'Admn'");
    }

    @Test
    void toManyAssociationComparedWithAValue() {
        String message = assertConstraintError("WARDEN-E018", "[tags = 'urgent']",
                " ^^^^^^^^^^^^^^^", "compare an attribute reached through it (tags/member = ...)");
        assertThat(message).contains("'tags' is a to-many association");
    }

    // ---------------------------------------------------------------- security-model.md §6

    @Test
    void aConstraintWithTheNewFormsCompiles() {
        Compilation compilation = compileTicket(ticket("[customer != NULL and urgent = 'true'][true()]"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void nullInLowerCase() {
        String message = assertConstraintError("WARDEN-E010", "[title = null]",
                "         ^^^^", "no value is written NULL (in capitals) or empty");
        assertThat(message).contains("expected a value after '=' but found 'null'");
    }

    @Test
    void nullHasNoOrder() {
        String message = assertConstraintError("WARDEN-E015", "[price > NULL]",
                "       ^", "test for a value with = NULL or != NULL");
        assertThat(message).contains("'NULL' has no order, so it cannot be compared with '>'");
    }

    @Test
    void aQuotedBooleanInCapitals() {
        String message = assertConstraintError("WARDEN-E012", "[urgent = 'TRUE']",
                "          ^^^^^^", "write 'true' or true(), in lower case");
        assertThat(message).contains("'urgent' is a Boolean, which cannot be compared with the string 'TRUE'");
    }

    @Test
    void trueWithoutParentheses() {
        String message = assertConstraintError("WARDEN-E010", "[true]",
                "     ^", "write true(), as in [true()] or [active = true()]");
        assertThat(message).contains("expected '(' after 'true' but found ']'");
    }

    @Test
    void theDateTimeTokensFunctionsAndArithmeticCompile() {
        Compilation compilation = compileTicket(ticket("[created >= '[%BeginOfCurrentWeekUTC%] - 2 * [%WeekLength%]'"
                + " and due < '[%EndOfCurrentMonth%]'][string-length(title) > 3 and year-from-dateTime(created) = 2024]"));

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void unknownFunction() {
        String message = assertConstraintError("WARDEN-E019", "[strng-length(title) > 3]",
                " ^^^^^^^^^^^^", "did you mean string-length()?");
        assertThat(message).contains("unknown function in the constraint of rule 1 of Ticket: unknown function "
                + "'strng-length'");
    }

    @Test
    void unknownFunctionWithoutACloseName() {
        String message = assertConstraintError("WARDEN-E019", "[count(tags) > 3]",
                " ^^^^^", "the functions are not(), true(), false(), contains(), starts-with(), ends-with()");
        assertThat(message).contains("unknown function 'count'");
    }

    @Test
    void malformedDateArithmetic() {
        String message = assertConstraintError("WARDEN-E045", "[created > '[%BeginOfCurrentDay%] - 3 [%DayLength%]']",
                "                                      ^", "multiply a period by a whole number, as in 3 * [%DayLength%]");
        assertThat(message).contains("date arithmetic error in the constraint of rule 1 of Ticket: expected '*' after "
                + "the factor 3");
    }

    @Test
    void aPeriodAlone() {
        String message = assertConstraintError("WARDEN-E045", "[created > '[%DayLength%]']",
                "           ^^^^^^^^^^^^^^^", "write it after a date-time token in one string");
        assertThat(message).contains("[%DayLength%] is a period, not a date and time");
    }

    @Test
    void aDateTimeTokenAddedToADateTimeToken() {
        String message = assertConstraintError("WARDEN-E045",
                "[created > '[%BeginOfCurrentDay%] + [%EndOfCurrentDay%]']",
                "                                    ^^^^^^^^^^^^^^^^^^^", "add a period: [%SecondLength%]");
        assertThat(message).contains("only periods can be added to or subtracted from a date and time");
    }

    @Test
    void aMisspeltTimeToken() {
        String message = assertConstraintError("WARDEN-E017", "[created > '[%BeginOfCurentWeek%]']",
                "           ^^^^^^^^^^^^^^^^^^^^^^^", "did you mean [%BeginOfCurrentWeek%]?");
        assertThat(message).contains("unknown token [%BeginOfCurentWeek%]");
    }

    @Test
    void aDatePartOfAString() {
        String message = assertConstraintError("WARDEN-E012", "[year-from-dateTime(title) = 2024]",
                "                    ^^^^^", "take the parts of an Instant, OffsetDateTime, ZonedDateTime, "
                        + "LocalDateTime or LocalDate member");
        assertThat(message).contains("year-from-dateTime() needs a date and time but 'title' is a String");
    }

    @Test
    void theHoursOfADate() {
        String message = assertConstraintError("WARDEN-E012", "[hours-from-dateTime(due) < 9]",
                "                     ^^^", "take the time of a LocalDateTime or Instant member");
        assertThat(message).contains("'due' is a LocalDate, which has none");
    }

    @Test
    void aLengthComparedWithText() {
        String message = assertConstraintError("WARDEN-E012", "[string-length(title) = 'long']",
                "                        ^^^^^^", "compare it with a whole number such as 42");
        assertThat(message).contains("'string-length(title)' is a whole number, which cannot be compared with the "
                + "string 'long'");
    }

    @Test
    void aSubConstraintOnAnAttribute() {
        String message = assertConstraintError("WARDEN-E046", "[title[x = 1]]",
                " ^^^^^", "put the conditions on 'title' itself in the outer brackets, or follow an association");
        assertThat(message).contains("sub-constraint on a member that is not an association in the constraint of rule 1 "
                + "of Ticket: a sub-constraint is a condition on an association's objects, but 'title' is a String");
    }

    @Test
    void anUnknownMemberInsideASubConstraint() {
        String message = assertConstraintError("WARDEN-E011", "[customer[nmae = 'x']]",
                "          ^^^^", "did you mean 'name'?");
        assertThat(message).contains("'Customer' has no member 'nmae'");
    }

    @Test
    void conditionsThroughTheSameToManySeparatelyAreAWarning() {
        JavaFileObject ticket = ticket("[tags/label = 'urgent'][tags/id > 3]");
        Compilation compilation = compileTicket(ticket);

        assertThat(compilation).succeeded();
        assertThat(compilation).hadWarningContaining("[WARDEN-W013]").inFile(ticket)
                .onLineContaining("constraint = \"[tags/label = 'urgent'][tags/id > 3]\"");
        assertThat(compilation).hadWarningContaining("two conditions go through the to-many association 'tags' "
                + "separately, so different objects of it may satisfy them");
        assertThat(compilation).hadWarningContaining("write tags[label = 'urgent' and id > 3]");
    }

    @Test
    void theSeparateToManyWarningCanBeSuppressed() {
        JavaFileObject ticket = ticket("[tags/label = 'urgent'][tags/id > 3]");
        JavaFileObject suppressed = entity("Ticket", readSource(ticket).replace("@SecuredEntity",
                "@SuppressWarnings(\"warden:separate-to-many\")\n@SecuredEntity"));

        Compilation compilation = compileTicket(suppressed);

        DiagnosticFixtures.assertNoWardenWarning(compilation);
        // javac ignores a token it does not know; the Eclipse compiler warns about it unless its option
        // -warn:-warningToken is given (README, "The Eclipse compiler"): Warden cannot register its tokens there
        List<String> warnings = compilation.warnings().stream().map(w -> w.getMessage(Locale.ROOT)).toList();
        assertThat(warnings).isEqualTo(WardenCompiler.isEcj()
                ? List.of("Unsupported @SuppressWarnings(\"warden:separate-to-many\")") : List.of());
    }

    private static String readSource(JavaFileObject file) {
        try {
            String text = file.getCharContent(true).toString();
            return text.substring(text.indexOf("@SecuredEntity"));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
