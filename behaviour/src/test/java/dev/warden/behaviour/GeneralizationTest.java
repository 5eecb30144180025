package dev.warden.behaviour;

import static dev.warden.behaviour.Users.reader;
import static dev.warden.behaviour.Users.writer;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.AccessDeniedException;
import dev.warden.runtime.EntityRules;
import fixture.docs.Doc;
import fixture.docs.DocPolicy;
import fixture.docs.Folder;
import fixture.docs.FolderPolicy;
import fixture.docs.Secret;
import fixture.docs.SecretPolicy;
import fixture.docs.SecuredDoc;
import fixture.docs.SecuredFolder;
import fixture.docs.SecuredSecret;
import fixture.docs.VipSecret;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §1: an object is judged by the rules of the most specific secured entity of its class, on every path: the
 * policy, the proxy, explain and association getters (security model §6, generalization).
 */
class GeneralizationTest {

    private final Doc published = new Doc(1L, "Handbook", true);
    /** Published, but a secret: members may not see it through any path. */
    private final Secret secret = new Secret(2L, "Launch codes", true, "0000");

    @Test
    void thePolicyOfTheParentJudgesASpecializationByItsOwnRules() {
        assertTrue(DocPolicy.RULES.isVisible(reader(), published));
        assertFalse(DocPolicy.RULES.isVisible(reader(), secret), "Secret's rules give members nothing");
        assertFalse(DocPolicy.RULES.canRead(reader(), secret, DocPolicy.Member.TITLE));
        assertFalse(DocPolicy.RULES.rights(reader(), secret).visible());
        assertSame(SecretPolicy.RULES, DocPolicy.RULES.rulesFor(secret));
        assertSame(DocPolicy.RULES, DocPolicy.RULES.rulesFor(published));
        assertEquals(SecretPolicy.RULES, EntityRules.forClass(Secret.class).orElseThrow());
    }

    @Test
    void membersOfTheParentAreMatchedByNameInTheSpecialization() {
        // Secret's editor rule: everything readable, only the title writable (Doc's editor rule would allow more).
        assertTrue(DocPolicy.RULES.canWrite(writer(), secret, DocPolicy.Member.TITLE));
        assertFalse(DocPolicy.RULES.canWrite(writer(), secret, DocPolicy.Member.PUBLISHED));
        assertTrue(DocPolicy.RULES.canWrite(writer(), published, DocPolicy.Member.PUBLISHED));
        assertFalse(DocPolicy.RULES.canDelete(writer(), secret), "Secret's rules give no delete");
        assertTrue(DocPolicy.RULES.canDelete(writer(), published));
    }

    @Test
    void theProxyOfTheParentWrapsASpecializationWithItsRights() {
        assertThrows(AccessDeniedException.class, () -> SecuredDoc.of(reader(), secret));
        assertTrue(SecuredDoc.ifVisible(reader(), secret).isEmpty());
        assertEquals(List.of(1L), SecuredDoc.visibleOf(reader(), List.of(published, secret)).stream()
                .map(SecuredDoc::getId).toList());

        SecuredDoc asDoc = SecuredDoc.of(writer(), secret);
        assertEquals("Launch codes", asDoc.getTitle());
        asDoc.setTitle("Codes");
        assertEquals("Codes", secret.getTitle());
        AccessDeniedException denied = assertThrows(AccessDeniedException.class, () -> asDoc.setPublished(false));
        assertEquals("Secret", denied.entity(), "the denial names the entity whose rules decided");
        assertTrue(secret.isPublished(), "nothing was written");
    }

    @Test
    void explainTellsTheRulesOfTheSpecialization() {
        assertEquals("Secret", DocPolicy.RULES.explain(reader(), secret).entity());
        assertFalse(DocPolicy.RULES.explain(reader(), secret).visible());
        assertEquals("Doc", DocPolicy.RULES.explain(reader(), published).entity());
    }

    @Test
    void aSubclassAnOrmMakesIsJudgedAsItsEntity() {
        // An anonymous subclass stands for a Hibernate or ByteBuddy proxy: not a secured entity itself.
        Doc proxy = new Doc(3L, "Proxied", true) {};
        Doc unpublishedProxy = new Doc(4L, "Draft", false) {};
        assertSame(DocPolicy.RULES, DocPolicy.RULES.rulesFor(proxy));
        assertTrue(DocPolicy.RULES.isVisible(reader(), proxy));
        assertFalse(DocPolicy.RULES.isVisible(reader(), unpublishedProxy));
        assertEquals("Proxied", SecuredDoc.of(reader(), proxy).getTitle());
    }

    @Test
    void aSubclassOfASpecializationThatIsNoEntityIsJudgedByTheSpecialization() {
        VipSecret vip = new VipSecret(5L, "Very secret");
        assertSame(SecretPolicy.RULES, DocPolicy.RULES.rulesFor(vip));
        assertFalse(DocPolicy.RULES.isVisible(reader(), vip));
        assertTrue(DocPolicy.RULES.isVisible(writer(), vip));
    }

    @Test
    void aMemberTypedAsASubclassOfAnEntityIsAnAssociationToThatEntity() {
        assertEquals(Secret.class, FolderPolicy.RULES.associatedEntity(FolderPolicy.Member.VIP).orElseThrow());
        Folder folder = new Folder();
        folder.setVip(new VipSecret(6L, "Vip"));
        assertNull(SecuredFolder.of(reader(), folder).getVip(), "a reader may not see the secret it holds");
        SecuredSecret vip = SecuredFolder.of(writer(), folder).getVip();
        assertEquals("Vip", vip.getTitle());
        Object shown = SecuredFolder.of(reader(), folder).readableValues().get("vip");
        assertNull(shown, "readableValues never hands out the raw object");
    }

    @Test
    void associationGettersFilterSpecializationsByTheirOwnRules() {
        Folder folder = new Folder();
        folder.setItems(List.of(published, secret));
        assertEquals(List.of(1L), SecuredFolder.of(reader(), folder).getItems().stream().map(SecuredDoc::getId).toList());
        assertEquals(List.of(1L, 2L), SecuredFolder.of(writer(), folder).getItems().stream()
                .map(SecuredDoc::getId).toList());
    }
}
