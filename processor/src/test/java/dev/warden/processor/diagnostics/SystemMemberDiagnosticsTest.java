package dev.warden.processor.diagnostics;

import static com.google.common.truth.Truth.assertThat;
import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.app;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertNoWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.assertOnlyWardenWarning;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.billingModule;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compile;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.compileOnly;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.entity;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.onlyMessage;
import static dev.warden.processor.diagnostics.DiagnosticFixtures.shopModule;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;

/** The members Warden fills in, {@code @ChangedBy}, {@code @CreatedDate}, {@code @ChangedDate}, {@code @Preset}: E061 to E067, E069 (a write right on {@code @Owner}), W019. */
class SystemMemberDiagnosticsTest {

    /** {@code id}, {@code text}, and {@code changedBy}, {@code createdAt}, {@code changedAt} of the given types. */
    private static String members(String changedByType, String createdType, String changedType) {
        return """
                    private Long id;
                    private String text;
                    @ChangedBy private %1$s changedBy;
                    @CreatedDate private %2$s createdAt;
                    @ChangedDate private %3$s changedAt;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                    public %1$s getChangedBy() { return changedBy; }
                    public void setChangedBy(%1$s changedBy) { this.changedBy = changedBy; }
                    public %2$s getCreatedAt() { return createdAt; }
                    public void setCreatedAt(%2$s createdAt) { this.createdAt = createdAt; }
                    public %3$s getChangedAt() { return changedAt; }
                    public void setChangedAt(%3$s changedAt) { this.changedAt = changedAt; }
                """.formatted(changedByType, createdType, changedType);
    }

    private static final String GOOD_MEMBERS = members("Long", "java.time.Instant", "java.time.OffsetDateTime");

    /** The fixtures' application with a {@code Tenant} token of type String. */
    private static Compilation compileWithTenant(JavaFileObject entity) {
        return compileOnly(shopModule(), billingModule(), app("""
                @AppSecurity(
                        userRoles = {
                            @UserRole(name = "Member", moduleRoles = "Shop.User"),
                            @UserRole(name = "Admin", moduleRoles = {"Shop.Manager", "Billing.Clerk"})
                        },
                        tokens = @Token(name = "Tenant", type = String.class))
                """), entity);
    }

    private static JavaFileObject tenantEntity(String preset, String type) {
        return entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    %1$s private %2$s tenant;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public %2$s getTenant() { return tenant; }
                    public void setTenant(%2$s tenant) { this.tenant = tenant; }
                }
                """.formatted(preset, type));
    }

    // ---------------------------------------------------------------- usable in constraints

    @Test
    void systemMembersAndADateTokenInConstraintsCompileCleanly() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", create = true, defaultAccess = Access.READ,
                        members = @Member(name = "text", access = Access.READ_WRITE),
                        constraint = "[changedBy = '[%CurrentUser%]']")
                @AccessRule(roles = "Manager", defaultAccess = Access.READ,
                        constraint = "[createdAt > '[%BeginOfCurrentDay%]'][changedAt < '[%EndOfCurrentDay%]']")
                public class Note {
                """ + GOOD_MEMBERS + "}\n");

        assertNoWardenWarning(compile(note));
    }

    // ---------------------------------------------------------------- E061

    @Test
    void aWriteRightOnASystemMemberInARuleIsAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = {
                            @Member(name = "text", access = Access.READ_WRITE),
                            @Member(name = "changedBy", access = Access.READ_WRITE)})
                public class Note {
                """ + GOOD_MEMBERS + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E061]").inFile(note)
                .onLineContaining("@Member(name = \"changedBy\", access = Access.READ_WRITE)");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E061");
        assertThat(message).contains("rule 1 of Note gives READ_WRITE on 'changedBy' of Note, which Warden fills in "
                + "(@ChangedBy): users can never write it");
        assertThat(message).contains("hint: use READ: Warden sets it on every create and update");
    }

    @Test
    void aWriteRightOnASystemMemberInMemberAccessIsAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @CreatedDate
                    @MemberAccess(roles = "Manager", value = Access.READ_WRITE)
                    private java.time.Instant createdAt;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public java.time.Instant getCreatedAt() { return createdAt; }
                    public void setCreatedAt(java.time.Instant createdAt) { this.createdAt = createdAt; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E061]").inFile(note).onLineContaining("@MemberAccess(");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E061")).contains("hint: use READ: Warden sets it on every create");
    }

    // ---------------------------------------------------------------- E069

    private static final String OWNED_MEMBERS = """
                private Long id;
                private String text;
                @Owner
                @MemberAccess(roles = "Manager", value = Access.%s)
                private Long owner;
                public Long getId() { return id; }
                public void setId(Long id) { this.id = id; }
                public String getText() { return text; }
                public void setText(String text) { this.text = text; }
                public Long getOwner() { return owner; }
                public void setOwner(Long owner) { this.owner = owner; }
            }
            """;

    @Test
    void aWriteRightOnTheOwnerInARuleIsAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = {
                            @Member(name = "text", access = Access.READ_WRITE),
                            @Member(name = "owner", access = Access.READ_WRITE)})
                public class Note {
                """ + OWNED_MEMBERS.formatted("READ"));

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E069]").inFile(note)
                .onLineContaining("@Member(name = \"owner\", access = Access.READ_WRITE)");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E069");
        assertThat(message).contains("rule 1 of Note gives READ_WRITE on 'owner' of Note, its @Owner: Warden fills in "
                + "the creator's id, and users can never write it (as Mendix's System.owner)");
        assertThat(message).contains("hint: use READ: Warden sets it on create; change the owner as the system");
    }

    @Test
    void aWriteRightOnTheOwnerInMemberAccessIsAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + OWNED_MEMBERS.formatted("READ_WRITE"));

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E069]").inFile(note).onLineContaining("@MemberAccess(");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E069")).contains("@MemberAccess gives READ_WRITE on 'owner'");
    }

    @Test
    void defaultReadWriteLeavesTheOwnerReadOnlyWithoutAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ_WRITE, constraint = "[owner = '[%CurrentUser%]']")
                @AccessRule(roles = "Manager", defaultAccess = Access.READ)
                public class Note {
                """ + OWNED_MEMBERS.formatted("READ"));

        assertThat(compile(note)).succeeded();
        assertThat(compile(note)).hadWarningContaining("WARDEN-W004");
    }

    @Test
    void defaultReadWriteLeavesSystemMembersReadOnlyWithoutAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ_WRITE)
                public class Note {
                """ + GOOD_MEMBERS + "}\n");

        assertOnlyWardenWarning(compile(note), "WARDEN-W004");
    }

    // ---------------------------------------------------------------- E062, W019

    @Test
    void changedByMustHoldAUserId() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + members("String", "java.time.Instant", "java.time.Instant") + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E062]").inFile(note).onLineContaining("@ChangedBy");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E062");
        assertThat(message).contains("@ChangedBy member 'changedBy' of Note has type java.lang.String, but user ids "
                + "are java.lang.Long (@AppSecurity userIdType)");
        assertThat(message).contains("hint: change the member's type to java.lang.Long");
    }

    @Test
    void aSystemDateMustBeAMoment() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + members("Long", "java.time.LocalDate", "java.time.Instant") + "}\n");

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E062]").inFile(note).onLineContaining("@CreatedDate");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E062")).contains("@CreatedDate member 'createdAt' of Note has type "
                + "java.time.LocalDate, but Warden fills it with a moment: an Instant, an OffsetDateTime or a LocalDateTime");
    }

    @Test
    void aLocalDateTimeSystemDateIsAWarningThatCanBeSuppressed() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + members("Long", "java.time.Instant", "java.time.LocalDateTime") + "}\n");

        Compilation compilation = compile(note);

        assertOnlyWardenWarning(compilation, "WARDEN-W019");
        assertThat(compilation).hadWarningContaining("[WARDEN-W019]").inFile(note).onLineContaining("@ChangedDate");

        JavaFileObject suppressed = entity("Note", """
                @SecuredEntity
                @SuppressWarnings("warden:local-system-date")
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                """ + members("Long", "java.time.Instant", "java.time.LocalDateTime") + "}\n");
        assertNoWardenWarning(compile(suppressed));
    }

    // ---------------------------------------------------------------- E063, E064, E067

    @Test
    void twoCreatedDatesAreAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @CreatedDate private java.time.Instant created;
                    @CreatedDate private java.time.Instant alsoCreated; // the second
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public java.time.Instant getCreated() { return created; }
                    public void setCreated(java.time.Instant created) { this.created = created; }
                    public java.time.Instant getAlsoCreated() { return alsoCreated; }
                    public void setAlsoCreated(java.time.Instant alsoCreated) { this.alsoCreated = alsoCreated; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E063]").inFile(note).onLineContaining("// the second");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E063"))
                .contains("Note has more than one @CreatedDate member: 'created' and 'alsoCreated'");
    }

    @Test
    void ownerAndChangedByOnOneMemberAreAnError() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public class Note {
                    private Long id;
                    @Owner
                    @ChangedBy
                    private Long user;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public Long getUser() { return user; }
                    public void setUser(Long user) { this.user = user; }
                }
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E064]").inFile(note).onLineContaining("@ChangedBy");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E064"))
                .contains("member 'user' of Note is marked both @Owner and @ChangedBy");
    }

    @Test
    void aDateOfARecordCannotBeFilledIn() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ)
                public record Note(Long id,
                        @CreatedDate java.time.Instant createdAt) {}
                """);

        Compilation compilation = compile(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E067]").inFile(note).onLineContaining("@CreatedDate");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E067");
        assertThat(message).contains("@CreatedDate member 'createdAt' of Note cannot be filled in by Warden: it is a "
                + "record component, and records are immutable");
        assertThat(message).contains("hint: turn the record into a class with a setter");
    }

    // ---------------------------------------------------------------- @Preset: E065, E066, E062

    @Test
    void aPresetFromADeclaredTokenCompilesCleanly() {
        assertNoWardenWarning(compileWithTenant(tenantEntity("@Preset(token = \"Tenant\")", "String")));
    }

    @Test
    void aPresetNamingAnUndeclaredToken() {
        JavaFileObject note = tenantEntity("@Preset(token = \"Tennant\")", "String");

        Compilation compilation = compileWithTenant(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E065]").inFile(note).onLineContaining("token = \"Tennant\"");
        assertThat(compilation).hadErrorCount(1);
        String message = onlyMessage(compilation, "WARDEN-E065");
        assertThat(message).contains("@Preset(token = \"Tennant\") on 'tenant' of Note names token 'Tennant', which is "
                + "not declared in @AppSecurity(tokens)");
        assertThat(message).contains("hint: did you mean 'Tenant'?");
    }

    @Test
    void aPresetNamingABuiltInToken() {
        JavaFileObject note = tenantEntity("@Preset(token = \"CurrentUser\")", "Long");

        Compilation compilation = compileWithTenant(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E066]").inFile(note).onLineContaining("CurrentUser");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E066")).contains("hint: use @Owner or @ChangedBy for the user's id");
    }

    @Test
    void aPresetOfAnotherTypeThanItsToken() {
        JavaFileObject note = tenantEntity("@Preset(token = \"Tenant\")", "Long");

        Compilation compilation = compileWithTenant(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E062]").inFile(note).onLineContaining("@Preset");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E062")).contains("@Preset(token = \"Tenant\") member 'tenant' of "
                + "Note has type java.lang.Long, but token 'Tenant' is a java.lang.String");
    }

    @Test
    void aPresetIsNeverWritable() {
        JavaFileObject note = entity("Note", """
                @SecuredEntity
                @AccessRule(roles = "User", defaultAccess = Access.READ,
                        members = @Member(name = "tenant", access = Access.READ_WRITE))
                public class Note {
                    private Long id;
                    @Preset(token = "Tenant") private String tenant;
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public String getTenant() { return tenant; }
                    public void setTenant(String tenant) { this.tenant = tenant; }
                }
                """);

        Compilation compilation = compileWithTenant(note);

        assertThat(compilation).hadErrorContaining("[WARDEN-E061]").inFile(note)
                .onLineContaining("members = @Member(name = \"tenant\", access = Access.READ_WRITE)");
        assertThat(compilation).hadErrorCount(1);
        assertThat(onlyMessage(compilation, "WARDEN-E061")).contains("(@Preset(token = \"Tenant\"))");
    }
}
