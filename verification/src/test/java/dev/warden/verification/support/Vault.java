package dev.warden.verification.support;

import com.google.testing.compile.Compilation;
import dev.warden.runtime.ApplicationModel;
import dev.warden.runtime.EntityMember;
import dev.warden.runtime.sql.EntityTable;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A small application compiled with the processor for the fail-closed and load suites: module {@code Vault} with an
 * entity {@code Secret} that owners read and write ({@code [owner = '[%CurrentUser%]']}) and that readers of a
 * tenant read ({@code [tenant = '[%Tenant%]']}). No anonymous access.
 */
public final class Vault {

    /** Values that must never show up in a message, a toString or a serialised form. */
    public static final String SECRET_TEXT = "S3CR3T-TEXT-7f1c";

    public final ClassLoader loader;
    public final ApplicationModel model;
    public final EntityTable<Object> table;
    public final Class<?> secretClass;
    public final Class<?> proxyClass;

    @SuppressWarnings("unchecked")
    private Vault(Compilation compilation) throws ReflectiveOperationException {
        loader = Javac.classLoader(compilation);
        model = (ApplicationModel) loader.loadClass("vault.VaultAppSecurityModel").getField("INSTANCE").get(null);
        table = (EntityTable<Object>) loader.loadClass("vault.data.SecretTable").getField("TABLE").get(null);
        secretClass = loader.loadClass("vault.data.Secret");
        proxyClass = loader.loadClass("vault.data.SecuredSecret");
    }

    public static Vault compile() {
        Map<String, String> sources = new LinkedHashMap<>();
        sources.put("vault.VaultApp", """
                package vault;
                import dev.warden.annotations.*;
                @AppSecurity(userRoles = {@UserRole(name = "Keeper", moduleRoles = "Vault.Owner"),
                        @UserRole(name = "Auditor", moduleRoles = "Vault.Reader")},
                        userIdType = Long.class, tokens = @Token(name = "Tenant", type = Long.class))
                public class VaultApp {}
                """);
        sources.put("vault.data.package-info", """
                @dev.warden.annotations.Module(name = "Vault", roles = {"Owner", "Reader"})
                package vault.data;
                """);
        sources.put("vault.data.Secret", """
                package vault.data;
                import dev.warden.annotations.*;
                @SecuredEntity(table = "secret")
                @AccessRule(roles = "Owner", create = true, delete = true, defaultAccess = Access.READ,
                        members = {@Member(name = "id", access = Access.READ_WRITE),
                                   @Member(name = "text", access = Access.READ_WRITE),
                                   @Member(name = "counter", access = Access.READ_WRITE)},
                        constraint = "[owner = '[%CurrentUser%]']")
                @AccessRule(roles = "Reader", defaultAccess = Access.READ, members = @Member(name = "text", access = Access.NONE),
                        constraint = "[tenant = '[%Tenant%]']")
                public class Secret {
                    private Long id;
                    @Owner private Long owner;
                    private Long tenant;
                    private String text;
                    private long counter;
                    public Secret() {}
                    public Secret(Long id, Long owner, Long tenant, String text) {
                        this.id = id; this.owner = owner; this.tenant = tenant; this.text = text;
                    }
                    public Long getId() { return id; }
                    public void setId(Long id) { this.id = id; }
                    public Long getOwner() { return owner; }
                    public void setOwner(Long owner) { this.owner = owner; }
                    public Long getTenant() { return tenant; }
                    public void setTenant(Long tenant) { this.tenant = tenant; }
                    public String getText() { return text; }
                    public void setText(String text) { this.text = text; }
                    public long getCounter() { return counter; }
                    public void setCounter(long counter) { this.counter = counter; }
                }
                """);
        Compilation compilation = Javac.compile(sources);
        if (compilation.status() != Compilation.Status.SUCCESS) {
            throw new IllegalStateException("the vault fixture does not compile:\n" + Javac.diagnostics(compilation));
        }
        try {
            return new Vault(compilation);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The DDL of the secret table. */
    public static final String DDL = "CREATE TABLE secret (id BIGINT PRIMARY KEY, owner BIGINT, tenant BIGINT, "
            + "text VARCHAR(200), counter BIGINT NOT NULL DEFAULT 0)";

    public Object secret(long id, Long owner, Long tenant, String text) {
        try {
            return secretClass.getConstructor(Long.class, Long.class, Long.class, String.class)
                    .newInstance(id, owner, tenant, text);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * A member of {@code Secret}: the constant of the generated {@code SecretPolicy.Member} with that name.
     *
     * @param name such as {@code text}
     * @return the constant
     */
    public EntityMember member(String name) {
        try {
            for (Object constant : loader.loadClass("vault.data.SecretPolicy$Member").getEnumConstants()) {
                if (((EntityMember) constant).memberName().equals(name)) {
                    return (EntityMember) constant;
                }
            }
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalArgumentException("Secret has no member '" + name + "'");
    }

    public Object get(Object object, String getter) {
        try {
            return object.getClass().getMethod(getter).invoke(object);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
