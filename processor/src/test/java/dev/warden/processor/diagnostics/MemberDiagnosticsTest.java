package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** Members named in rules and member annotations: E004 to E009. */
class MemberDiagnosticsTest {

    /** Members {@code id} and {@code text}, both readable and writable. */
    private static final String NOTE_MEMBERS = """
                private Long id;
                private String text;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getText() { return text; }
                public void setText(String text) { this.text = text; }
            """;

    // ---------------------------------------------------------------- E004 to E007

    @Test
    void membersEntryNamingNoMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = {
                            @Member(name = "id", access = Access.NONE),
                            @Member(name = "txt", access = Access.NONE)})
                public class Note {
                """ + NOTE_MEMBERS + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E004]").inFile(note).onLineContaining("name = \"txt\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E004");
        assertThat(message).contains("rule 1 of Note names 'txt', which is not a member of Note");
        assertThat(message).contains("hint: did you mean 'text'?");
    }

    @Test
    void membersEntryFarFromAnyMemberListsTheMembers() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "priority", access = Access.NONE))
                public class Note {
                """ + NOTE_MEMBERS + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E004]").inFile(note).onLineContaining("name = \"priority\"");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E004")).contains("hint: known members: id, text");
    }

    @Test
    void memberAccessOnAMethodThatIsNotAGetter() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + NOTE_MEMBERS + """
                    @MemberAccess(roles = "User", value = Access.NONE)
                    public void archive() {}
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(note).onLineContaining("@MemberAccess(");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E005");
        assertThat(message).contains("@MemberAccess is on archive()");
        assertThat(message).contains("hint: put it on a field with a getter, a public getter, or a record component");
    }

    @Test
    void ownerOnAFieldOfATypeThatIsNotAnEntity() {
        JavaFileObject helper = entity("Helper", """
                public class Helper {
                    @Owner
                    private Long createdBy;
                    public Long getCreatedBy() { return createdBy; }
                }
                """);

        Compilation compilation = compile(helper);

        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(helper).onLineContaining("@Owner");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E005")).contains("@Owner is on createdBy, which is not a member");
    }

    @Test
    void memberListedTwiceInOneRule() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = {
                            @Member(name = "text", access = Access.NONE),
                            @Member(name = "text", access = Access.READ_WRITE)})
                public class Note {
                """ + NOTE_MEMBERS + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E006]").inFile(note)
                .onLineContaining("@Member(name = \"text\", access = Access.READ_WRITE)");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E006");
        assertThat(message).contains("member 'text' is listed twice in rule 1 of Note");
        assertThat(message).contains("hint: keep one entry for it");
    }

    @Test
    void memberAccessConflictingWithTheRulesMembersEntry() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE))
                public class Note {
                    private Long id;
                    @MemberAccess(
                            roles = {"User"},
                            value = Access.READ)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E007]").inFile(note).onLineContaining("roles = {\"User\"},");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E007");
        assertThat(message).contains(
                "@MemberAccess gives role Shop.User READ on 'text', but rule 1 of Note gives it READ_WRITE in members");
        assertThat(message).contains("hint: state the right in one place");
    }

    @Test
    void memberAccessConflictingForSeveralRolesOfTheRuleIsOneError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = {"Manager", "User"}, defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE))
                public class Note {
                    private Long id;
                    @MemberAccess(
                            roles = {"User", "Manager"},
                            value = Access.READ)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E007]").inFile(note)
                .onLineContaining("roles = {\"User\", \"Manager\"},");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E007")).contains("@MemberAccess gives roles Shop.User and Shop.Manager "
                + "READ on 'text', but rule 1 of Note gives them READ_WRITE in members");
    }

    @Test
    void memberAccessAgreeingWithTheRulesMembersEntryIsNoConflict() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.NONE))
                public class Note {
                    private Long id;
                    @MemberAccess(roles = "User", value = Access.NONE)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        assertThat(compile(note)).succeededWithoutWarnings();
    }

    @Test
    void memberAccessForARoleTheRuleDoesNotNameIsNoConflict() {
        // Rule 1 gives text READ_WRITE to User only; the @MemberAccess is about Manager, whom rule 2 lets read.
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE))
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @MemberAccess(roles = "Manager", value = Access.NONE)
                    private String text;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                }
                """);

        assertThat(compile(note)).succeededWithoutWarnings();
    }

    // ---------------------------------------------------------------- E008

    @Test
    void readWriteOnACalculatedMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "summary",
                                access = Access.READ_WRITE))
                public class Note {
                """ + NOTE_MEMBERS + """
                    @Calculated
                    public String getSummary() { return text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E008]").inFile(note)
                .onLineContaining("access = Access.READ_WRITE))");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E008");
        assertThat(message).contains("READ_WRITE on 'summary' of Note, which cannot be written: it is @Calculated");
        assertThat(message).contains("hint: a calculated member can only be READ");
    }

    @Test
    void readWriteOnAGetterOnlyMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "code",
                                access = Access.READ_WRITE))
                public class Note {
                """ + NOTE_MEMBERS + """
                    private String code;
                    public String getCode() { return code; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E008]").inFile(note)
                .onLineContaining("access = Access.READ_WRITE))");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E008");
        assertThat(message).contains("READ_WRITE on 'code' of Note, which cannot be written: it has a getter but no setter");
        assertThat(message).contains("hint: add a setter setCode(...) or use READ");
    }

    @Test
    void readWriteOnAFinalFieldMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "code",
                                access = Access.READ_WRITE))
                public class Note {
                """ + NOTE_MEMBERS + """
                    private final String code = "N";
                    public String getCode() { return code; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E008]").inFile(note)
                .onLineContaining("access = Access.READ_WRITE))");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E008");
        assertThat(message).contains("READ_WRITE on 'code' of Note, which cannot be written: its field is final");
        assertThat(message).contains("hint: make the field non-final and add a setter, or use READ");
    }

    @Test
    void memberAccessOnARecordMethodThatIsNotAComponent() {
        // javac copies a component's annotations to its field and accessor; a method of its own is not such a copy
        JavaFileObject point = entity("Point", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public record Point(Long id, String label) {
                    @MemberAccess(roles = "User", value = Access.NONE)
                    public String display() { return label; }
                }
                """);

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(point).onLineContaining("@MemberAccess(");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E005")).contains("@MemberAccess is on display()");
    }

    @Test
    void ownerOnARecordMethodThatIsNotAComponent() {
        JavaFileObject point = entity("Point", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public record Point(Long id, Long createdBy) {
                    @Owner
                    public Long creator() { return createdBy; }
                }
                """);

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(point).onLineContaining("@Owner");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E005")).contains("@Owner is on creator()");
    }

    @Test
    void memberAccessOnARecordComponentAndItsAccessorIsFine() {
        JavaFileObject point = entity("Point", """
                @SecuredEntity
                @AccessRule(roles = {"User", "Manager"}, defaultAccess = Access.READ)
                public record Point(Long id, @MemberAccess(roles = "User", value = Access.NONE) String label) {
                    @Override
                    @MemberAccess(roles = "Manager", value = Access.NONE)
                    public String label() { return label; }
                }
                """);

        Compilation compilation = compile(point);

        assertThat(compilation).succeededWithoutWarnings();
    }

    @Test
    void ownerOnAComponentOfARecordThatIsNotAnEntityIsReportedOnce() {
        JavaFileObject helper = entity("Stamp", """
                public record Stamp(@Owner Long createdBy) {}
                """);

        Compilation compilation = compile(helper);

        assertThat(compilation).hadErrorContaining("[WARDEN-E005]").inFile(helper).onLineContaining("@Owner");
        assertThat(compilation).hadErrorCount(1);
    }

    @Test
    void readWriteOnARecordComponent() {
        JavaFileObject point = entity("Point", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "label",
                                access = Access.READ_WRITE))
                public record Point(Long id, String label) {}
                """);

        Compilation compilation = compile(point);

        assertThat(compilation).hadErrorContaining("[WARDEN-E008]").inFile(point)
                .onLineContaining("access = Access.READ_WRITE))");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E008");
        assertThat(message).contains("READ_WRITE on 'label' of Point, which cannot be written: it is a record component");
        assertThat(message).contains("hint: use READ, or turn the record into a class with a setter");
    }

    @Test
    void readWriteInAMemberAccessOnACalculatedMember() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + NOTE_MEMBERS + """
                    @Calculated
                    @MemberAccess(roles = "User",
                            value = Access.READ_WRITE)
                    public String getSummary() { return text; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E008]").inFile(note)
                .onLineContaining("value = Access.READ_WRITE)");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E008")).contains("hint: a calculated member can only be READ");
    }

    // ---------------------------------------------------------------- E009

    @Test
    void constraintOnANonPersistentEntity() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity(persistent = false)
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        constraint = "[text = 'public']")
                public class Note {
                """ + NOTE_MEMBERS + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E009]").inFile(note)
                .onLineContaining("constraint = \"[text = 'public']\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E009");
        assertThat(message).contains("rule 1 of Note has a constraint, but Note is not persistent");
        assertThat(message).contains("hint: remove the constraint, or make the entity persistent");
    }
}
