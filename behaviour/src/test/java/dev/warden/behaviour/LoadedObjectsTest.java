package dev.warden.behaviour;

import static dev.warden.behaviour.Users.anonymous;
import static dev.warden.behaviour.Users.reader;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.ConstraintFailedException;
import dev.warden.runtime.SecuredObject;
import dev.warden.runtime.data.Query;
import dev.warden.runtime.data.WardenData;
import fixture.docs.Comment;
import fixture.docs.CommentPolicy;
import fixture.docs.CommentTable;
import fixture.docs.Doc;
import fixture.docs.SecuredComment;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Issue 10 §7: objects read back through the data layer hold key-only references. A constraint that follows such a
 * reference cannot be evaluated in memory; it fails naming the rule instead of answering "no", and the data layer hands
 * out proxies whose rights it worked out in SQL, which agree with what it returned.
 */
class LoadedObjectsTest {

    private static WardenData data;

    @BeforeAll
    static void database() throws SQLException {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:loaded-objects;DB_CLOSE_DELAY=-1");
        try (Connection connection = h2.getConnection(); Statement statement = connection.createStatement()) {
            statement.execute("CREATE TABLE doc (id BIGINT PRIMARY KEY, title VARCHAR(100), published BOOLEAN, "
                    + "owner BIGINT, deadline TIMESTAMP, blob VARBINARY(100))");
            statement.execute("CREATE TABLE comment (id BIGINT PRIMARY KEY, doc_id BIGINT, text VARCHAR(100))");
            statement.execute("INSERT INTO doc (id, title, published) VALUES (1, 'Handbook', TRUE), (2, 'Draft', FALSE)");
            statement.execute("INSERT INTO comment VALUES (10, 1, 'on the handbook'), (20, 2, 'on the draft')");
        }
        data = WardenData.of(h2);
    }

    @Test
    void theDataLayerFiltersThroughTheAssociationInSql() {
        assertEquals(List.of(10L), data.as(reader()).list(CommentTable.TABLE).stream().map(Comment::getId).toList());
    }

    @Test
    void aConstraintFollowingAnUnloadedReferenceIsAnErrorNamingTheRule() {
        Comment found = data.as(reader()).find(CommentTable.TABLE, 10L).orElseThrow();
        ConstraintFailedException e = assertThrows(ConstraintFailedException.class,
                () -> CommentPolicy.RULES.isVisible(reader(), found));
        assertEquals(1, e.rule());
        assertEquals("Comment", e.entity());
        assertTrue(e.getMessage().contains("follows 'doc'"), e.getMessage());
        assertThrows(ConstraintFailedException.class, () -> SecuredComment.of(reader(), found));
        assertTrue(CommentPolicy.RULES.explain(reader(), found).rule(1).reason().contains("cannot be evaluated"));
    }

    @Test
    void aCompleteObjectIsJudgedInMemoryAsBefore() {
        Comment complete = new Comment();
        Doc doc = new Doc(1L, "Handbook", true);
        complete.setDoc(doc);
        assertTrue(CommentPolicy.RULES.isVisible(reader(), complete));
    }

    @Test
    void securedReadsCarryTheRightsWorkedOutInSql() {
        List<SecuredObject<Comment, ?>> comments = data.as(reader()).listSecured(CommentTable.TABLE, Query.all());
        assertEquals(1, comments.size());
        SecuredComment comment = (SecuredComment) comments.get(0);
        assertEquals("on the handbook", comment.getText());
        assertTrue(comment.rights().visible());
        assertTrue(data.as(reader()).findSecured(CommentTable.TABLE, 20L).isEmpty());
        assertEquals(10L, ((SecuredComment) data.as(reader()).findSecured(CommentTable.TABLE, 10L).orElseThrow())
                .getId());
    }

    @Test
    void aUserWhoSeesRowsButMayReadNoMemberGetsProxiesOfThem() {
        // The guests' rule makes the comments visible and deletable, with no member readable: the select then has no
        // member column, and the rules' flags must still be read from the right columns.
        List<SecuredObject<Comment, ?>> comments = data.as(anonymous()).listSecured(CommentTable.TABLE, Query.all());
        assertEquals(2, comments.size());
        assertTrue(comments.get(0).rights().visible());
        assertTrue(comments.get(0).canDelete());
        assertFalse(comments.get(0).rights().canRead(CommentPolicy.Member.TEXT.ordinal()));
        assertTrue(data.as(anonymous()).findSecured(CommentTable.TABLE, 20L).isPresent());
    }
}
