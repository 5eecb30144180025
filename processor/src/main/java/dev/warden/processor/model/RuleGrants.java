package dev.warden.processor.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What each rule of an entity grants to each of its roles, with the precedence of security-model §2 applied:
 * a {@code @MemberAccess} naming the role, else the rule's {@code members} entry, else its
 * {@code defaultAccess}; {@code READ_WRITE} on a member that cannot be written, or that Warden fills in
 * ({@code @ChangedBy}, {@code @CreatedDate}, {@code @ChangedDate}, {@code @Preset}), counts as {@code READ}.
 * Roles of one rule that end up with the same rights are grouped into one {@link Grant}.
 */
public final class RuleGrants {

    /**
     * The rights one rule gives to a group of roles.
     *
     * @param rule the rule
     * @param roles the simple names of the roles, in module declaration order
     * @param create whether they may create
     * @param delete whether they may delete
     * @param access the right on each member, by member index
     */
    public record Grant(RuleModel rule, List<String> roles, boolean create, boolean delete, List<Access> access) {

        public boolean canRead(int member) {
            return access.get(member) != Access.NONE;
        }

        public boolean canWrite(int member) {
            return access.get(member) == Access.READ_WRITE;
        }

        /** Whether the grant gives anything at all. */
        public boolean grantsAnything() {
            return create || delete || access.stream().anyMatch(a -> a != Access.NONE);
        }
    }

    private RuleGrants() {}

    /** The grants of every rule, in rule order. Roles that are not roles of the entity's module are skipped. */
    public static List<Grant> of(EntityModel entity) {
        List<Grant> grants = new ArrayList<>();
        for (RuleModel rule : entity.rules()) {
            grants.addAll(of(entity, rule));
        }
        return grants;
    }

    /** The grants of one rule. */
    public static List<Grant> of(EntityModel entity, RuleModel rule) {
        Optional<ModuleModel> module = entity.module();
        if (module.isEmpty()) {
            return List.of();
        }
        Map<List<Access>, List<String>> rolesByRights = new LinkedHashMap<>();
        for (String role : module.get().roleNames()) {
            boolean inRule = rule.roles().stream()
                    .anyMatch(written -> module.get().resolveRole(written.text()).filter(role::equals).isPresent());
            if (inRule) {
                rolesByRights.computeIfAbsent(rights(entity, module.get(), rule, role), k -> new ArrayList<>()).add(role);
            }
        }
        List<Grant> grants = new ArrayList<>();
        rolesByRights.forEach((access, roles) -> grants.add(
                new Grant(rule, List.copyOf(roles), rule.create(), rule.delete(), access)));
        return grants;
    }

    private static List<Access> rights(EntityModel entity, ModuleModel module, RuleModel rule, String role) {
        Access[] access = new Access[entity.members().size()];
        Arrays.fill(access, rule.defaultAccess());
        for (MemberEntry entry : rule.members()) {
            int index = entity.memberIndex(entry.name().text());
            if (index >= 0) {
                access[index] = entry.access();
            }
        }
        for (int i = 0; i < access.length; i++) {
            MemberModel member = entity.members().get(i);
            for (MemberAccessModel right : member.accessRights()) {
                boolean forRole = right.roles().stream()
                        .anyMatch(written -> module.resolveRole(written.text()).filter(role::equals).isPresent());
                if (forRole) {
                    access[i] = right.access();
                }
            }
            if (access[i] == Access.READ_WRITE && (!member.isWritable() || member.isFilledByWarden())) {
                access[i] = Access.READ;
            }
        }
        return List.of(access);
    }
}
