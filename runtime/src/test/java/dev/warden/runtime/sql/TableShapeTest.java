package dev.warden.runtime.sql;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.EntityMember;
import dev.warden.runtime.EntityRules;
import dev.warden.runtime.TestRules;
import dev.warden.runtime.MemberSet;
import dev.warden.runtime.ModuleDescriptor;
import dev.warden.runtime.data.Sales;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

/**
 * An entity's table as the data layer asks it: columns, key, owner, reading and writing values; and when a
 * constraint's SQL is one operand. Written to kill mutants that PIT found surviving in the runtime's fast tests.
 */
class TableShapeTest {

    private static final ModuleDescriptor DOCS = new ModuleDescriptor("Docs", "Reader");

    /** A document: id, owner, note, and a calculated member without a column. */
    record Doc(Long id, Object owner, String note) {
        int length() {
            return note == null ? 0 : note.length();
        }
    }

    enum DocMember implements EntityMember {
        ID, OWNER, NOTE, LENGTH;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /** A note whose owner comes before its key. */
    record Note(Long owner, Long id) {}

    enum NoteMember implements EntityMember {
        OWNER, ID;

        @Override
        public String memberName() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static EntityTable<Doc> table(boolean withOwner) {
        TestRules.Builder<Doc, DocMember> rules = TestRules.builder(Doc.class, DocMember.class, DOCS)
                .readOnly(DocMember.values())
                .getter((doc, member) -> switch (member) {
                    case ID -> doc.id();
                    case OWNER -> doc.owner();
                    case NOTE -> doc.note();
                    case LENGTH -> doc.length();
                })
                .rule("readers", null)
                .grant(DOCS.bit("Reader"), false, false, MemberSet.all(4), MemberSet.none());
        if (withOwner) {
            rules.owner(DocMember.OWNER);
        }
        return EntityTable.builder(rules.build(), "doc", DocMember.ID)
                .column(DocMember.ID, "id", Long.class)
                .column(DocMember.OWNER, "owner", Long.class)
                .column(DocMember.NOTE, "note", String.class)
                .reader(values -> new Doc((Long) values[0], values[1], (String) values[2]))
                .build();
    }

    @Test
    void columnsKeyAndOwner() {
        EntityTable<Doc> table = table(true);
        assertEquals("Doc", table.entityName());
        assertEquals("doc", table.tableName());
        assertEquals(0, table.keyMember());
        assertEquals("id", table.keyColumn());
        assertArrayEquals(new int[] {0, 1, 2}, table.columnMembers());
        assertTrue(table.hasColumn(0));
        assertTrue(table.hasColumn(2));
        assertFalse(table.hasColumn(3));
        assertFalse(table.hasColumn(4));
        assertFalse(table.hasColumn(-1));
        assertEquals("note", table.column(2));
        assertSame(String.class, table.columnType(2));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.column(3)).getMessage().contains("has no column"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.column(4)).getMessage().contains("No member 4"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> table.column(-1)).getMessage().contains("No member -1"));
        assertThrows(IllegalArgumentException.class, () -> table.columnType(3));
        assertThrows(IllegalArgumentException.class, () -> table.columnType(-1));
        assertEquals(OptionalInt.of(1), table.ownerMember());
        assertEquals(OptionalInt.empty(), table(false).ownerMember());
        assertTrue(table.toString().contains("doc"), table::toString);
    }

    @Test
    void aKeyAndAnOwnerElsewhere() {
        EntityRules<Note, NoteMember> rules = TestRules.builder(Note.class, NoteMember.class, DOCS)
                .owner(NoteMember.OWNER)
                .rule("readers", null)
                .grant(DOCS.bit("Reader"), false, false, MemberSet.all(2), MemberSet.none())
                .build();
        EntityTable<Note> table = EntityTable.builder(rules, "note", NoteMember.ID)
                .column(NoteMember.OWNER, "owner", Long.class)
                .column(NoteMember.ID, "id", Long.class)
                .reader(values -> new Note((Long) values[0], (Long) values[1]))
                .build();
        assertEquals(1, table.keyMember());
        assertEquals("id", table.keyColumn());
        assertEquals(OptionalInt.of(0), table.ownerMember());
    }

    @Test
    void readingWritingAndConvertingValues() {
        EntityTable<Doc> table = table(true);
        Doc doc = table.read(new Object[] {1L, 7L, "hello", null});
        assertEquals(new Doc(1L, 7L, "hello"), doc);
        assertThrows(IllegalArgumentException.class, () -> table.read(new Object[3]));
        assertEquals("hello", table.value(doc, 2));
        assertEquals(7L, table.value(doc, 1));
        assertNull(table.value(new Doc(1L, null, null), 2));
        assertThrows(IllegalStateException.class, () -> table.value(new Doc(1L, "not a long", null), 1));
        assertThrows(IllegalArgumentException.class, () -> table.value(doc, 3));
        assertEquals(5L, table.toColumnType(0, 5));
        assertEquals(5L, table.toColumnType(0, 5L));
        assertNull(table.toColumnType(0, null));
        assertEquals("x", table.toColumnType(2, "x"));
        assertThrows(IllegalArgumentException.class, () -> table.toColumnType(0, "five"));
    }

    @Test
    void aFilterKnowsItsTableContextAliasAndDialect() {
        QueryFilter<Sales.Order> filter = Sales.ORDERS.filter(Sales.rep(1), "o", Dialect.h2());
        assertSame(Sales.ORDERS, filter.table());
        assertEquals("o", filter.alias());
        assertSame(Dialect.h2(), filter.dialect());
        assertEquals(1L, filter.context().userId());
        assertTrue(filter.enforces());
        assertFalse(Sales.ORDERS.filter(Sales.system(), "o", Dialect.h2()).enforces());
        assertTrue(filter.toString().length() > 0);
    }

    @Test
    void whenSqlIsOneOperand() {
        assertTrue(QueryFilter.isOperand("(a = ?)"));
        assertTrue(QueryFilter.isOperand("((a = ?) OR (b = ?))"));
        assertTrue(QueryFilter.isOperand("EXISTS (SELECT 1 FROM t WHERE t.x = ')')"));
        assertTrue(QueryFilter.isOperand("NOT EXISTS (SELECT 1 FROM t)"));
        assertTrue(QueryFilter.isOperand("NOT (a = ?)"));
        assertTrue(QueryFilter.isOperand("(a = '(')"));
        assertTrue(QueryFilter.isOperand("(\"(\" = a)"));
        assertTrue(QueryFilter.isOperand("()"));
        assertFalse(QueryFilter.isOperand("(a = ?) OR (b = ?)"));
        assertFalse(QueryFilter.isOperand("(a = ?) AND b = ?"));
        assertFalse(QueryFilter.isOperand("(a = ')') OR (b)"));
        assertFalse(QueryFilter.isOperand("a = ?"));
        assertFalse(QueryFilter.isOperand("(a = ?"));
        assertFalse(QueryFilter.isOperand("((a = ?)"));
        assertFalse(QueryFilter.isOperand("(a) (b)"));
        assertFalse(QueryFilter.isOperand("a = ?)"));
        assertFalse(QueryFilter.isOperand("(a = 'unterminated)"));
        assertFalse(QueryFilter.isOperand("EXISTS x"));
        assertFalse(QueryFilter.isOperand(""));
    }
}
