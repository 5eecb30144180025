package dev.warden.verification.differential;

import dev.warden.verification.differential.Model.Access;
import dev.warden.verification.differential.Model.App;
import dev.warden.verification.differential.Model.Cmp;
import dev.warden.verification.differential.Model.Entity;
import dev.warden.verification.differential.Model.Kind;
import dev.warden.verification.differential.Model.Member;
import dev.warden.verification.differential.Model.Obj;
import dev.warden.verification.differential.Model.Rule;
import dev.warden.verification.differential.Model.TokenRef;
import java.util.List;

/** Hand-written models of the disagreements the random models found. */
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
}
