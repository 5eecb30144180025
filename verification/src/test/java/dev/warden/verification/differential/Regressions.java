package dev.warden.verification.differential;

import dev.warden.verification.differential.Model.Access;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Cmp;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Fn;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.Rule;
import dev.warden.verification.differential.Model.TokenRef;
import java.util.List;

/** Hand-written models of the disagreements the random models found, and of features every run must cover. */
final class Regressions {

    private Regressions() {}

    /**
     * An anonymous user and {@code [owner != '[%CurrentUser%]']}: the token has no value for an anonymous user, so
     * the rule denies (it used to hold for every object with an owner).
     */
    static App anonymousAndNotCurrentUser() {
        App app = new App("reganon");
        Model.Module module = new Model.Module("Board", "reganon.board");
        module.roles.add("Reader");
        app.modules.add(module);
        app.userRoles.put("U1", List.of("Board.Reader"));
        app.userRoles.put("Anon", List.of("Board.Reader"));
        app.anonymousRole = "Anon";
        Entity post = new Entity("Regpost", module);
        Member id = new Member("id", Kind.ID, null, null);
        Member owner = new Member("owner", Kind.OWNER, null, null);
        post.members.add(id);
        post.members.add(owner);
        Rule rule = new Rule();
        rule.roles.add("Reader");
        rule.defaultAccess = Access.READ;
        rule.constraint.add(new Cmp(List.of(owner), "!=", new TokenRef("CurrentUser")));
        post.rules.add(rule);
        Rule byId = new Rule();
        byId.roles.add("Reader");
        byId.defaultAccess = Access.READ;
        byId.delete = true;
        byId.constraint.add(new Cmp(List.of(id), "!=", new TokenRef("CurrentUser")));
        post.rules.add(byId);
        app.entities.add(post);
        long next = 1;
        for (Long value : new Long[] {null, 1L, 2L, 3L}) {
            Obj o = new Obj(post, next++);
            o.values.put("owner", value);
            post.objects.add(o);
        }
        return app;
    }

    /**
     * §6: {@code contains}, {@code starts-with} and {@code ends-with} ignore case, non-ASCII letters included: one rule
     * per function and text, each giving a role of its own, over objects with every string of the generator.
     */
    static App stringFunctions() {
        App app = new App("regtext");
        Model.Module module = new Model.Module("Texts", "regtext.texts");
        app.modules.add(module);
        Entity note = new Entity("Regnote", module);
        Member id = new Member("id", Kind.ID, null, null);
        Member text = new Member("s1", Kind.STRING, null, null);
        note.members.add(id);
        note.members.add(text);
        int role = 0;
        for (String function : List.of("contains", "starts-with", "ends-with")) {
            for (String literal : Generator.TEXTS) {
                String name = "R" + (++role);
                module.roles.add(name);
                Rule rule = new Rule();
                rule.roles.add(name);
                rule.defaultAccess = Access.READ;
                rule.constraint.add(new Fn(function, List.of(text), literal));
                note.rules.add(rule);
            }
        }
        for (int r = 1; r <= role; r++) {
            app.userRoles.put("U" + r, List.of("Texts.R" + r));
        }
        app.entities.add(note);
        long next = 1;
        for (String value : Generator.STRINGS) {
            Obj o = new Obj(note, next++);
            o.values.put("s1", value);
            note.objects.add(o);
        }
        Obj empty = new Obj(note, next);
        empty.values.put("s1", null);
        note.objects.add(empty);
        return app;
    }

    /** One signed-in user per user role, so that each rule of a feature model is judged on its own. */
    static List<Model.User> onePerUserRole(App app) {
        List<Model.User> users = new java.util.ArrayList<>();
        long id = 1;
        for (String role : app.userRoles.keySet()) {
            users.add(new Model.User("user-" + role, id++, List.of(role), java.util.Map.of(), false, false));
        }
        return users;
    }

    /**
     * §6: every date-time token, date arithmetic across the daylight-saving change and month lengths, and every date
     * part, each in a rule of its own role, on an instant, a wall-clock date and time and a date around
     * {@link Model#NOW} (the day the clocks go forward in Amsterdam).
     */
    static App timeTokens() {
        App app = new App("regtime");
        Model.Module module = new Model.Module("Times", "regtime.times");
        app.modules.add(module);
        Entity slot = new Entity("Regslot", module);
        Member id = new Member("id", Kind.ID, null, null);
        Member instant = new Member("w1", Kind.INSTANT, null, null);
        Member wallClock = new Member("v1", Kind.LOCAL_DATE_TIME, null, null);
        Member date = new Member("t1", Kind.DATE, null, null);
        slot.members.addAll(List.of(id, instant, wallClock, date));
        List<Model.Expr> conditions = new java.util.ArrayList<>();
        String[] ops = {"<", ">=", "="};
        Member[] members = {instant, wallClock, date};
        int i = 0;
        for (String token : Generator.TIME_TOKENS) {
            Member m = members[i % 3];
            conditions.add(new Model.Cmp(List.of(m), ops[i++ % 3], new Model.TokenRef(token)));
        }
        for (Member m : members) {
            conditions.add(new Model.Cmp(List.of(m), "<", new Model.TimeRef("BeginOfCurrentDay",
                    List.of(new Model.Offset(1, "DayLength")))));
            conditions.add(new Model.Cmp(List.of(m), ">=", new Model.TimeRef("BeginOfCurrentDay",
                    List.of(new Model.Offset(-1, "MonthLength")))));
            conditions.add(new Model.Cmp(List.of(m), "<", new Model.TimeRef("EndOfCurrentDayUTC",
                    List.of(new Model.Offset(-24, "HourLength"), new Model.Offset(30, "MinuteLength")))));
        }
        conditions.add(new Model.Cmp(List.of(instant), "<", new Model.TimeRef("BeginOfCurrentDay",
                List.of(new Model.Offset(24, "HourLength")))));
        conditions.add(new Model.Cmp(List.of(date), "=", new Model.TimeRef("EndOfCurrentWeek",
                List.of(new Model.Offset(-1, "WeekLength"), new Model.Offset(-1, "YearLength")))));
        for (String function : Generator.FUNCTIONS) {
            Member m = function.matches("(hours|minutes|seconds)-from-dateTime") ? instant : members[i++ % 3];
            String value = m == instant && function.startsWith("day-from") ? "29" : "1";
            conditions.add(new Model.FnCmp(function, List.of(m), function.startsWith("hours") ? "<" : "=",
                    new Model.Literal(new java.math.BigDecimal(value), value)));
        }
        conditions.add(new Model.FnCmp("hours-from-dateTime", List.of(wallClock), "=",
                new Model.Literal(new java.math.BigDecimal("2"), "2")));
        int role = 0;
        for (Model.Expr condition : conditions) {
            String name = "R" + (++role);
            module.roles.add(name);
            Rule rule = new Rule();
            rule.roles.add(name);
            rule.defaultAccess = Access.READ;
            rule.constraint.add(condition);
            slot.rules.add(rule);
        }
        for (int r = 1; r <= role; r++) {
            app.userRoles.put("U" + r, List.of("Times.R" + r));
        }
        app.entities.add(slot);
        long next = 1;
        for (int k = 0; k < Generator.INSTANTS.size(); k++) {
            Obj o = new Obj(slot, next++);
            o.values.put("w1", Generator.INSTANTS.get(k));
            o.values.put("v1", Generator.LOCAL_DATE_TIMES.get(k % Generator.LOCAL_DATE_TIMES.size()));
            o.values.put("t1", k % 4 == 3 ? null : Generator.DATES.get(k % Generator.DATES.size()));
            slot.objects.add(o);
        }
        return app;
    }

    /** One user per user role and zone: none (UTC), Amsterdam, New York and a fixed +05:30. */
    static List<Model.User> onePerUserRoleAndZone(App app) {
        List<Model.User> users = new java.util.ArrayList<>();
        long id = 1;
        for (java.time.ZoneId zone : java.util.Arrays.asList(null, java.time.ZoneId.of("Europe/Amsterdam"),
                java.time.ZoneId.of("America/New_York"), java.time.ZoneOffset.ofHoursMinutes(5, 30))) {
            for (String role : app.userRoles.keySet()) {
                users.add(new Model.User("user-" + role + "-" + zone, id++, List.of(role), java.util.Map.of(), false,
                        false, zone));
            }
        }
        return users;
    }
}
