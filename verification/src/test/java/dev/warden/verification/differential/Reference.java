package dev.warden.verification.differential;

import dev.warden.verification.differential.Model.Access;
import dev.warden.verification.differential.Model.And;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Cmp;
import dev.warden.verification.differential.Model.Const;
import dev.warden.verification.differential.Model.Empty;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Expr;
import dev.warden.verification.differential.Model.Fn;
import dev.warden.verification.differential.Model.FnCmp;
import dev.warden.verification.differential.Model.Pred;
import dev.warden.verification.differential.Model.TimeRef;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Literal;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Not;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.Operand;
import dev.warden.verification.differential.Model.Or;
import dev.warden.verification.differential.Model.PathRef;
import dev.warden.verification.differential.Model.PathTest;
import dev.warden.verification.differential.Model.RoleTest;
import dev.warden.verification.differential.Model.Rule;
import dev.warden.verification.differential.Model.TokenRef;
import dev.warden.verification.differential.Model.TokenTest;
import dev.warden.verification.differential.Model.User;
import java.math.BigDecimal;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The security model of {@code shared/docs/security-model.md}, evaluated directly over {@link Model}: no code of the
 * processor or the runtime. Each method cites the section it implements.
 *
 * <p>Where the page is silent, the choices are Mendix's, as Warden documents them: a NULL member is {@code empty}
 * ({@code x = 'a'} is false and {@code x != 'a'} true when x is empty; ordering with empty is false; two empty
 * members are equal); a path goes through associations existentially (through an unset to-one there is no object to
 * compare, so the comparison is false; through a to-many one it holds when some object satisfies it).
 */
final class Reference {

    /** The user as §2 sees them. */
    static final class Subject {
        final boolean system;
        /** The system, or a user at a security level that does not check data access (§1): everything allowed. */
        boolean unrestricted;
        /** §2 last line: no context, unknown user role, ... : deny everything. */
        final boolean denied;
        final Object id;
        final Set<String> userRoles;
        /** Qualified module roles, "Module.Role". */
        final Set<String> moduleRoles = new LinkedHashSet<>();
        final Map<String, Object> tokens = new HashMap<>();
        /** §6: the zone of the date-time tokens and date parts: the user's, else the application's default, UTC. */
        ZoneId zone = ZoneOffset.UTC;

        Subject(boolean system, boolean denied, Object id, Set<String> userRoles) {
            this.system = system;
            this.unrestricted = system;
            this.denied = denied;
            this.id = id;
            this.userRoles = userRoles;
        }
    }

    private final App app;

    Reference(App app) {
        this.app = app;
    }

    /**
     * §1 (user roles, anonymous users) and §2 (fail closed): the module roles are the union of those of the user's
     * user roles; a user with no user role, an undeclared one, or without an id (unless anonymous) is denied
     * everything; anonymous access off denies the anonymous user. Custom tokens (§3) take their value from the
     * attribute of the same name when it has the declared type.
     */
    Subject subject(User user) {
        Subject subject = subjectWithoutZone(user);
        if (user.zone != null && !user.system && !user.anonymousOf) {
            subject.zone = user.zone;
        }
        return subject;
    }

    private Subject subjectWithoutZone(User user) {
        if (user.system) {
            return new Subject(true, false, null, Set.of());
        }
        List<String> roles = user.anonymousOf
                ? (app.anonymousRole == null ? List.of() : List.of(app.anonymousRole))
                : user.userRoles;
        boolean anonymous = user.id == null && app.anonymousRole != null && roles.equals(List.of(app.anonymousRole));
        boolean denied = roles.isEmpty() || !app.userRoles.keySet().containsAll(roles)
                || (user.id == null && !anonymous) || (user.id != null && !(user.id instanceof Long));
        Subject s = new Subject(false, denied, user.id, Set.copyOf(roles));
        if (denied) {
            return s;
        }
        // §1: OFF checks nothing, PROTOTYPE checks operation access but not data access
        s.unrestricted = !app.level.equals("PRODUCTION");
        for (String role : roles) {
            s.moduleRoles.addAll(app.userRoles.get(role));
        }
        user.attributes.forEach((name, value) -> {
            Class<?> type = Model.TOKENS.get(name);
            if (type != null && type.isInstance(value)) {
                s.tokens.put(name, value);
            }
        });
        if (user.id != null) {
            s.tokens.put("CurrentUser", user.id);
        }
        // §3, §6: the date-time tokens always have a value (timeToken computes it)
        return s;
    }

    // ------------------------------------------------------------------------------------------------- §2 rights

    /** The rule's roles that the user holds (a rule of several roles is one rule per role). */
    private static List<String> heldRoles(Entity e, Rule r, Subject s) {
        List<String> held = new ArrayList<>();
        for (String role : r.roles) {
            if (s.moduleRoles.contains(e.module.name + "." + role)) {
                held.add(role);
            }
        }
        return held;
    }

    /** §2: the rule applies when it names one of the user's module roles. */
    static boolean applies(Entity e, Rule r, Subject s) {
        return !heldRoles(e, r, s).isEmpty();
    }

    /** §2, §3: applies and its constraint is empty or true; a token without value makes the rule inactive (deny). */
    boolean active(Entity e, Rule r, Obj o, Subject s) {
        if (!applies(e, r, s)) {
            return false;
        }
        if (r.constraint.isEmpty()) {
            return true;
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (Expr bracket : r.constraint) {
            tokensOf(bracket, tokens);
        }
        for (String token : tokens) {
            if (!s.tokens.containsKey(token)) {
                return false;
            }
        }
        for (Expr bracket : r.constraint) {
            if (!eval(bracket, o, s)) {
                return false;
            }
        }
        return true;
    }

    /** §2: field-level {@code @MemberAccess} for the role, else the rule's entry, else its default. */
    static Access right(Rule r, String role, Member m) {
        Access access = m.memberAccess.get(role);
        if (access == null) {
            access = r.members.get(m.name);
        }
        if (access == null) {
            access = r.defaultAccess;
        }
        // §1: a calculated member is readable, never writable; §6: nor is the @Owner (defaultAccess READ_WRITE).
        return (m.kind == Kind.CALCULATED || m.kind == Kind.OWNER) && access == Access.READ_WRITE ? Access.READ : access;
    }

    boolean visible(Entity e, Obj o, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (active(e, r, o, s)) {
                return true;
            }
        }
        return false;
    }

    boolean canRead(Entity e, Obj o, Member m, Subject s) {
        return grants(e, o, m, s, Access.READ);
    }

    boolean canWrite(Entity e, Obj o, Member m, Subject s) {
        if (s.unrestricted) {
            return m.kind != Kind.CALCULATED;
        }
        return grants(e, o, m, s, Access.READ_WRITE);
    }

    private boolean grants(Entity e, Obj o, Member m, Subject s, Access needed) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (!active(e, r, o, s)) {
                continue;
            }
            for (String role : heldRoles(e, r, s)) {
                if (right(r, role, m).compareTo(needed) >= 0) {
                    return true;
                }
            }
        }
        return false;
    }

    boolean canDelete(Entity e, Obj o, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (r.delete && active(e, r, o, s)) {
                return true;
            }
        }
        return false;
    }

    /** §2: some rule that applies gives create; constraints play no part. */
    boolean canCreate(Entity e, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (r.create && applies(e, r, s)) {
                return true;
            }
        }
        return false;
    }

    /** §4 write check on create: a rule that gives create is active for the new object. */
    boolean createAllowed(Entity e, Obj newObject, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (r.create && active(e, r, newObject, s)) {
                return true;
            }
        }
        return false;
    }

    /**
     * §6 "One create check", the same for every path that creates objects: the create right; the owner filled in with
     * the user's id (empty for an anonymous user, whatever the caller put there; the system keeps what was given);
     * every member the caller set (a value other than the class's default: not null, not 0 or false for a primitive,
     * not an empty collection) writable by the user in the new object, the key included; every object an
     * association set refers to visible to the user; then the write check. {@code fresh} is the new object as the
     * caller made it; the owner is filled in here.
     */
    boolean createAllowedFully(Entity e, Obj fresh, Subject s) {
        return createAllowedFully(e, fresh, s, true);
    }

    /**
     * {@link #createAllowedFully(Entity, Obj, Subject)}, with or without its step that objects an association refers
     * to must be visible.
     */
    boolean createAllowedFully(Entity e, Obj fresh, Subject s, boolean referencesVisible) {
        return createAllowedFully(e, fresh, s, referencesVisible, true);
    }

    /**
     * The one create check as JPA's flush check makes it: the key is Hibernate's (assigned by the application or
     * generated), not a member the user sets, so it needs no write right; the write check sees it as it is stored.
     */
    boolean jpaCreateAllowed(Entity e, Obj fresh, Subject s) {
        return createAllowedFully(e, fresh, s, true, false);
    }

    private boolean createAllowedFully(Entity e, Obj fresh, Subject s, boolean referencesVisible, boolean keyWritten) {
        if (s.denied) {
            return false;
        }
        Member owner = e.owner();
        if (owner != null && !s.system && !s.unrestricted) {
            fresh.values.put(owner.name, s.id);
        }
        if (s.unrestricted) {
            return true;
        }
        if (!canCreate(e, s)) {
            return false;
        }
        for (Member m : e.members) {
            if (m.kind == Kind.OWNER || m.kind == Kind.CALCULATED || !isSet(m, fresh.get(m.name))
                    || m.kind == Kind.ID && !keyWritten) {
                continue;
            }
            if (!canWrite(e, fresh, m, s)) {
                return false;
            }
            Object value = fresh.get(m.name);
            List<?> targets = value instanceof List<?> list ? list : List.of(value);
            for (Object target : targets) {
                if (referencesVisible && target instanceof Obj o && !visible(o.entity, o, s)) {
                    return false;
                }
            }
        }
        return createAllowed(e, fresh, s);
    }

    /** Whether a member's value on a new object differs from what a new object of the class has by default. */
    static boolean isSet(Member m, Object value) {
        if (value == null) {
            return false;
        }
        if (value instanceof List<?> list) {
            return !list.isEmpty();
        }
        if (m.kind.primitive()) {
            return !value.equals(0) && !value.equals(0L) && !value.equals(false);
        }
        return true;
    }

    /** Whether some rule that applies, and can be active, gives write access to the member. */
    boolean mayEverWrite(Entity e, Member m, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (!possible(e, r, s)) {
                continue;
            }
            for (String role : heldRoles(e, r, s)) {
                if (right(r, role, m) == Access.READ_WRITE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whether the rule applies and can be active for some object: every token of its constraint has a value. */
    private static boolean possible(Entity e, Rule r, Subject s) {
        if (!applies(e, r, s)) {
            return false;
        }
        Set<String> tokens = new LinkedHashSet<>();
        for (Expr bracket : r.constraint) {
            tokensOf(bracket, tokens);
        }
        return s.tokens.keySet().containsAll(tokens);
    }

    /**
     * Whether some rule that applies, and can be active, gives read access to the member: what the data layer asks
     * before it lets a query filter or sort by it.
     */
    boolean mayEverRead(Entity e, Member m, Subject s) {
        if (s.unrestricted) {
            return true;
        }
        if (s.denied) {
            return false;
        }
        for (Rule r : e.rules) {
            if (!possible(e, r, s)) {
                continue;
            }
            for (String role : heldRoles(e, r, s)) {
                if (right(r, role, m) != Access.NONE) {
                    return true;
                }
            }
        }
        return false;
    }

    /** §4 write check on update: writable before, and still writable with the new value. */
    /**
     * An update through the data layer: {@link #updateAllowed}, and (§6, the one create check's step for writes) an
     * object the new value of a to-one association refers to must be visible to the user.
     */
    boolean dataUpdateAllowed(Entity e, Obj o, Member m, Object newValue, Subject s) {
        if (!updateAllowed(e, o, m, newValue, s)) {
            return false;
        }
        return s.unrestricted || !(newValue instanceof Obj target) || visible(target.entity, target, s);
    }

    boolean updateAllowed(Entity e, Obj o, Member m, Object newValue, Subject s) {
        if (!canWrite(e, o, m, s)) {
            return false;
        }
        // The object itself changes, wherever a path reaches it (an association may lead back to it); the key too,
        // which Obj.get takes from the values while the check runs.
        boolean had = o.values.containsKey(m.name);
        Object before = o.values.put(m.name, newValue);
        try {
            return canWrite(e, o, m, s);
        } finally {
            if (had) {
                o.values.put(m.name, before);
            } else {
                o.values.remove(m.name);
            }
        }
    }

    // --------------------------------------------------------------------------------------------- §3 constraints

    /** The tokens a constraint needs a value of: custom tokens and the user's id; date-time tokens always have one. */
    private static void tokensOf(Expr e, Set<String> tokens) {
        if (e instanceof Or or) {
            or.operands().forEach(x -> tokensOf(x, tokens));
        } else if (e instanceof And and) {
            and.operands().forEach(x -> tokensOf(x, tokens));
        } else if (e instanceof Not not) {
            tokensOf(not.operand(), tokens);
        } else if (e instanceof Pred pred) {
            tokensOf(pred.condition(), tokens);
        } else if (e instanceof TokenTest t) {
            tokens.add(t.token());
        } else if (e instanceof Cmp cmp && cmp.right() instanceof TokenRef t && needsValue(t.name())) {
            tokens.add(t.name());
        } else if (e instanceof FnCmp cmp && cmp.right() instanceof TokenRef t && needsValue(t.name())) {
            tokens.add(t.name());
        }
    }

    private static boolean needsValue(String token) {
        return !token.startsWith("UserRole_") && !isTimeToken(token);
    }

    boolean eval(Expr e, Obj o, Subject s) {
        if (e instanceof Or or) {
            for (Expr x : or.operands()) {
                if (eval(x, o, s)) {
                    return true;
                }
            }
            return false;
        } else if (e instanceof And and) {
            for (Expr x : and.operands()) {
                if (!eval(x, o, s)) {
                    return false;
                }
            }
            return true;
        } else if (e instanceof Not not) {
            return !eval(not.operand(), o, s);
        } else if (e instanceof RoleTest role) {
            return s.userRoles.contains(role.userRole());
        } else if (e instanceof TokenTest token) {
            return Boolean.TRUE.equals(s.tokens.get(token.token()));
        } else if (e instanceof PathTest test) {
            Member last = last(test.path());
            for (Obj owner : reach(o, test.path())) {
                Object v = owner.get(last.name);
                if (last.kind == Kind.TO_MANY ? !elements(v).isEmpty() : last.kind == Kind.TO_ONE ? v != null
                        : Boolean.TRUE.equals(v)) {
                    return true;
                }
            }
            return false;
        } else if (e instanceof Fn fn) {
            Member last = last(fn.path());
            for (Obj owner : reach(o, fn.path())) {
                if (owner.get(last.name) instanceof String v && switch (fn.function()) {
                    case "contains" -> caseless(v).contains(caseless(fn.text()));
                    case "starts-with" -> caseless(v).startsWith(caseless(fn.text()));
                    default -> caseless(v).endsWith(caseless(fn.text()));
                }) {
                    return true;
                }
            }
            return false;
        } else if (e instanceof Cmp cmp) {
            return comparison(cmp, o, s);
        } else if (e instanceof Const constant) {
            return constant.value();
        } else if (e instanceof FnCmp cmp) {
            return functionComparison(cmp, o, s);
        } else if (e instanceof Pred pred) {
            return subConstraint(pred, o, s);
        }
        throw new IllegalStateException(String.valueOf(e));
    }

    /** §6: some object the path leads to (some element of a to-many association) satisfies the whole condition. */
    private boolean subConstraint(Pred pred, Obj o, Subject s) {
        Member last = last(pred.path());
        for (Obj owner : reach(o, pred.path())) {
            Object v = owner.get(last.name);
            List<Obj> targets = last.kind == Kind.TO_MANY ? elements(v) : v == null ? List.of() : List.of((Obj) v);
            for (Obj target : targets) {
                if (eval(pred.condition(), target, s)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** §6: the function's value (empty for an empty member) compared like a whole-number member. */
    private boolean functionComparison(FnCmp cmp, Obj o, Subject s) {
        Member member = last(cmp.path());
        for (Obj owner : reach(o, cmp.path())) {
            Object value = function(cmp.function(), owner.get(member.name), s.zone);
            Object other;
            if (cmp.right() instanceof Empty) {
                if (cmp.op().equals("=") == (value == null)) {
                    return true;
                }
                continue;
            } else if (cmp.right() instanceof Literal literal) {
                other = literal.value();
            } else if (cmp.right() instanceof TokenRef token) {
                other = s.tokens.get(token.name());
            } else if (cmp.right() instanceof PathRef ref) {
                for (Obj b : reach(o, ref.path())) {
                    if (compareValues(value, cmp.op(), b.get(last(ref.path()).name), Kind.INTEGER)) {
                        return true;
                    }
                }
                continue;
            } else {
                throw new IllegalStateException(String.valueOf(cmp.right()));
            }
            if (compareValues(value, cmp.op(), other, Kind.INTEGER)) {
                return true;
            }
        }
        return false;
    }

    /**
     * §6: {@code string-length} (characters, as code points) and the date parts: of an instant on the calendar of
     * the user's zone, of a date or date and time as it is; ISO 8601 weeks, weekday 1 for Sunday to 7 for Saturday.
     */
    static Integer function(String function, Object value, ZoneId zone) {
        if (value == null) {
            return null;
        }
        if (function.equals("string-length") || function.equals("length")) {
            String text = (String) value;
            return text.codePointCount(0, text.length());
        }
        LocalDateTime local = value instanceof Instant instant ? LocalDateTime.ofInstant(instant, zone)
                : value instanceof LocalDate date ? date.atStartOfDay() : (LocalDateTime) value;
        LocalDate date = local.toLocalDate();
        int isoWeekday = date.getDayOfWeek().getValue();
        switch (function) {
            case "year-from-dateTime": return local.getYear();
            case "month-from-dateTime": return local.getMonthValue();
            case "day-from-dateTime": return local.getDayOfMonth();
            case "hours-from-dateTime": return local.getHour();
            case "minutes-from-dateTime": return local.getMinute();
            case "seconds-from-dateTime": return local.getSecond();
            case "quarter-from-dateTime": return (local.getMonthValue() - 1) / 3 + 1;
            // the week of its Thursday, counted from the first Thursday of that Thursday's year
            case "week-from-dateTime": return (date.plusDays(4 - isoWeekday).getDayOfYear() - 1) / 7 + 1;
            case "weekday-from-dateTime": return isoWeekday % 7 + 1;
            case "day-of-year-from-dateTime": return local.getDayOfYear();
            default: throw new IllegalStateException(function);
        }
    }

    // ----------------------------------------------------------------------------------------- §6 date-time tokens

    /** The periods of the day a token begins or ends, after {@code BeginOf} or {@code EndOf}. */
    static final List<String> TOKEN_PERIODS = List.of("CurrentMinute", "CurrentHour", "CurrentDay", "Yesterday",
            "Tomorrow", "CurrentWeek", "CurrentMonth", "CurrentYear");

    static boolean isTimeToken(String name) {
        String base = name.endsWith("UTC") ? name.substring(0, name.length() - 3) : name;
        if (base.equals("CurrentDateTime")) {
            return base.equals(name);
        }
        for (String edge : List.of("BeginOf", "EndOf")) {
            if (base.startsWith(edge) && TOKEN_PERIODS.contains(base.substring(edge.length()))) {
                return true;
            }
        }
        return false;
    }

    /**
     * §6: a date-time token at {@code now}: on the calendar of the user's zone, or of UTC for a name ending in UTC; a
     * week from Monday; an end is the start of the next period; a day starts at its first moment.
     */
    static ZonedDateTime timeToken(String name, Instant now, ZoneId userZone) {
        boolean utc = name.endsWith("UTC");
        ZoneId zone = utc ? ZoneOffset.UTC : userZone;
        String base = utc ? name.substring(0, name.length() - 3) : name;
        ZonedDateTime time = now.atZone(zone);
        if (base.equals("CurrentDateTime")) {
            return time;
        }
        boolean end = base.startsWith("EndOf");
        String period = base.substring(end ? "EndOf".length() : "BeginOf".length());
        LocalDateTime local = time.toLocalDateTime();
        if (period.equals("CurrentMinute") || period.equals("CurrentHour")) {
            LocalDateTime begin = period.equals("CurrentMinute") ? local.withSecond(0).withNano(0)
                    : local.withMinute(0).withSecond(0).withNano(0);
            ZonedDateTime start = ZonedDateTime.ofLocal(begin, zone, time.getOffset());
            return end ? start.plusSeconds(period.equals("CurrentMinute") ? 60 : 3600) : start;
        }
        LocalDate today = local.toLocalDate();
        LocalDate first;
        LocalDate next;
        switch (period) {
            case "CurrentDay": first = today; next = today.plusDays(1); break;
            case "Yesterday": first = today.minusDays(1); next = today; break;
            case "Tomorrow": first = today.plusDays(1); next = today.plusDays(2); break;
            case "CurrentWeek":
                first = today.minusDays(today.getDayOfWeek().getValue() - DayOfWeek.MONDAY.getValue());
                next = first.plusDays(7);
                break;
            case "CurrentMonth": first = LocalDate.of(today.getYear(), today.getMonth(), 1); next = first.plusMonths(1); break;
            case "CurrentYear": first = LocalDate.of(today.getYear(), 1, 1); next = first.plusYears(1); break;
            default: throw new IllegalStateException(name);
        }
        return ZonedDateTime.ofLocal((end ? next : first).atStartOfDay(), zone, null);
    }

    /**
     * §6: a period added on the calendar of the token's zone: days, weeks, months and years to the local date and time
     * (31 March minus a month is the last day of February), hours, minutes and seconds to the instant.
     */
    static ZonedDateTime plus(ZonedDateTime time, long amount, String period) {
        switch (period) {
            case "SecondLength": return time.plusSeconds(amount);
            case "MinuteLength": return time.plusSeconds(60 * amount);
            case "HourLength": return time.plusSeconds(3600 * amount);
            default: break;
        }
        LocalDateTime local = time.toLocalDateTime();
        LocalDateTime moved = switch (period) {
            case "DayLength" -> local.plusDays(amount);
            case "WeekLength" -> local.plusDays(7 * amount);
            case "MonthLength" -> local.plusMonths(amount);
            case "YearLength" -> local.plusYears(amount);
            default -> throw new IllegalStateException(period);
        };
        return ZonedDateTime.ofLocal(moved, time.getZone(), time.getOffset());
    }

    /** The value of a date-time token with its periods as a member of this kind sees it. */
    private static Object timeValue(String token, List<Model.Offset> offsets, Kind kind, Subject s) {
        ZonedDateTime time = timeToken(token, Model.NOW, s.zone);
        for (Model.Offset offset : offsets) {
            time = plus(time, offset.amount(), offset.period());
        }
        switch (kind) {
            case DATE: return time.toLocalDate();
            case LOCAL_DATE_TIME: return time.toLocalDateTime();
            default: return time.toInstant();
        }
    }

    /**
     * §6: the string functions compare without regard to case, by the Unicode lower case of the root locale; a Greek
     * final sigma is a sigma (Warden's documented reading, so that {@code 'ΟΔΟΣ'} contains {@code 'Σ'}).
     */
    static String caseless(String text) {
        return text.toLowerCase(java.util.Locale.ROOT).replace('ς', 'σ');
    }

    private boolean comparison(Cmp cmp, Obj o, Subject s) {
        Member left = last(cmp.path());
        List<Obj> owners = reach(o, cmp.path());
        if (cmp.right() instanceof PathRef ref) {
            Member right = last(ref.path());
            List<Obj> others = reach(o, ref.path());
            for (Obj a : owners) {
                for (Obj b : others) {
                    if (compareValues(a.get(left.name), cmp.op(), b.get(right.name), left.kind)) {
                        return true;
                    }
                }
            }
            return false;
        }
        for (Obj owner : owners) {
            if (compareOperand(left, owner.get(left.name), cmp.op(), cmp.right(), s)) {
                return true;
            }
        }
        return false;
    }

    private boolean compareOperand(Member m, Object v, String op, Operand right, Subject s) {
        if (right instanceof Empty) {
            boolean empty = m.kind == Kind.TO_MANY ? elements(v).isEmpty() : v == null;
            return op.equals("=") == empty;
        }
        Object other;
        if (right instanceof Literal literal) {
            other = literal.value();
        } else if (right instanceof TimeRef time) {
            other = timeValue(time.token(), time.offsets(), m.kind, s);
        } else if (right instanceof TokenRef token && isTimeToken(token.name())) {
            other = timeValue(token.name(), List.of(), m.kind, s);
        } else if (right instanceof TokenRef token) {
            if (token.name().startsWith("UserRole_")) {
                other = s.userRoles.contains(token.name().substring("UserRole_".length()));
            } else {
                other = s.tokens.get(token.name());
                if (m.kind == Kind.TO_ONE) {
                    // an association compared with [%CurrentUser%]: the associated object's id
                    v = v == null ? null : ((Obj) v).get("id");
                }
            }
        } else {
            throw new IllegalStateException(String.valueOf(right));
        }
        return compareValues(v, op, other, m.kind);
    }

    /** Two values: empty equals empty only; ordering with empty is false; numbers by value; strings by UTF-16. */
    private static boolean compareValues(Object a, String op, Object b, Kind kind) {
        if (a instanceof Obj x) {
            a = x.get("id");
        }
        if (b instanceof Obj y) {
            b = y.get("id");
        }
        boolean ordering = !op.equals("=") && !op.equals("!=");
        if (a == null || b == null) {
            if (ordering) {
                return false;
            }
            boolean equal = a == null && b == null;
            return op.equals("=") == equal;
        }
        int c;
        if (a instanceof String x && b instanceof String y) {
            c = Integer.signum(x.compareTo(y));
        } else if (a instanceof java.time.LocalDate x && b instanceof java.time.LocalDate y) {
            c = Integer.signum(x.compareTo(y));
        } else if (a instanceof Instant x && b instanceof Instant y) {
            c = Integer.signum(x.compareTo(y));
        } else if (a instanceof LocalDateTime x && b instanceof LocalDateTime y) {
            c = Integer.signum(x.compareTo(y));
        } else if (a instanceof Boolean x && b instanceof Boolean y) {
            c = x.equals(y) ? 0 : 1;
        } else {
            c = decimal(a).compareTo(decimal(b));
        }
        switch (op) {
            case "=": return c == 0;
            case "!=": return c != 0;
            case "<": return c < 0;
            case "<=": return c <= 0;
            case ">": return c > 0;
            default: return c >= 0;
        }
    }

    private static BigDecimal decimal(Object n) {
        if (n instanceof BigDecimal d) {
            return d;
        }
        if (n instanceof Long || n instanceof Integer) {
            return BigDecimal.valueOf(((Number) n).longValue());
        }
        throw new IllegalStateException("not a number: " + n + " (" + (n == null ? null : n.getClass()) + ")");
    }

    /** The objects that own the last member of the path: through to-one (if set) and to-many (each element). */
    static List<Obj> reach(Obj root, List<Member> path) {
        List<Obj> at = List.of(root);
        for (int i = 0; i < path.size() - 1; i++) {
            Member hop = path.get(i);
            List<Obj> next = new ArrayList<>();
            for (Obj o : at) {
                Object v = o.get(hop.name);
                if (hop.kind == Kind.TO_ONE) {
                    if (v != null) {
                        next.add((Obj) v);
                    }
                } else {
                    next.addAll(elements(v));
                }
            }
            at = next;
        }
        return at;
    }

    @SuppressWarnings("unchecked")
    static List<Obj> elements(Object list) {
        if (list == null) {
            return List.of();
        }
        List<Obj> elements = new ArrayList<>();
        for (Obj o : (List<Obj>) list) {
            if (o != null) {
                elements.add(o);
            }
        }
        return elements;
    }

    private static Member last(List<Member> path) {
        return path.get(path.size() - 1);
    }
}
