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
}
