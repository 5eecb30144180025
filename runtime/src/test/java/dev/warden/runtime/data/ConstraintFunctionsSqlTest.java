package dev.warden.runtime.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.warden.runtime.internal.ConstraintFunctions;
import dev.warden.runtime.sql.Dialect;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The SQL of the constraint language's functions, as each dialect renders it, gives on a real database what the
 * generated Java gives ({@link ConstraintFunctions}): the case-insensitive form of every letter of Unicode, string
 * lengths with characters above U+FFFF. The string column is {@code COLLATE "C"} on PostgreSQL, whose {@code LOWER}
 * would otherwise lower-case ASCII only.
 */
class ConstraintFunctionsSqlTest {

    /** A text: a letter between a prefix and a suffix. */
    private record Sample(String prefix, String letter, String suffix) {
        String text() {
            return prefix + letter + suffix;
        }

        /** The text lower-cased, but for the letter, left as it is. */
        String lowerButTheLetter() {
            return ConstraintFunctions.lowerCase(prefix) + letter + ConstraintFunctions.lowerCase(suffix);
        }
    }

    /**
     * Every code point up to U+1FFFF that is a letter or has a lower case, between two letters ({@code x?x}), and
     * each also at the end of a word after a letter ({@code O?}), where a capital sigma is final.
     */
    private static List<Sample> letters() {
        List<Sample> samples = new ArrayList<>();
        for (int cp = 0x41; cp <= 0x1FFFF; cp++) {
            if (cp >= 0xD800 && cp <= 0xDFFF || !Character.isDefined(cp)) {
                continue;
            }
            String letter = new String(Character.toChars(cp));
            if (Character.isLetter(cp) || !letter.toLowerCase(Locale.ROOT).equals(letter)) {
                samples.add(new Sample("x", letter, "x"));
                samples.add(new Sample("O", letter, ""));
            }
        }
        return samples;
    }

    private static Map<Integer, String> rendered(TestDatabase db, String expression, List<String> texts)
            throws SQLException {
        String column = isPostgres(db) ? "VARCHAR(20) COLLATE \"C\"" : "VARCHAR(20)";
        Map<Integer, String> results = new LinkedHashMap<>();
        try (Connection connection = db.dataSource().getConnection()) {
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE IF EXISTS letters");
                ddl.execute("CREATE TABLE letters (id INT PRIMARY KEY, s " + column + ")");
            }
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO letters (id, s) VALUES (?, ?)")) {
                for (int i = 0; i < texts.size(); i++) {
                    insert.setInt(1, i);
                    insert.setString(2, texts.get(i));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            try (Statement query = connection.createStatement();
                    ResultSet rows = query.executeQuery("SELECT id, " + expression + " FROM letters t ORDER BY id")) {
                while (rows.next()) {
                    results.put(rows.getInt(1), rows.getString(2));
                }
            }
            try (Statement ddl = connection.createStatement()) {
                ddl.execute("DROP TABLE letters");
            }
        }
        return results;
    }

    private static boolean isPostgres(TestDatabase db) {
        return db.toString().contains("PostgreSQL");
    }

    private static Dialect dialect(TestDatabase db) {
        return isPostgres(db) ? Dialect.postgreSql() : Dialect.h2();
    }

    /** The samples whose lower case in SQL is not the Java one. */
    private static List<Sample> disagreements(TestDatabase db, List<Sample> samples) throws SQLException {
        Map<Integer, String> sql = rendered(db, dialect(db).sqlFunction("lower", "t.s"),
                samples.stream().map(Sample::text).toList());
        List<Sample> different = new ArrayList<>();
        for (int i = 0; i < samples.size(); i++) {
            if (!ConstraintFunctions.lowerCase(samples.get(i).text()).equals(sql.get(i))) {
                different.add(samples.get(i));
            }
        }
        if (!different.isEmpty()) {
            System.out.printf("%s: %d of %d texts lower-case differently in SQL, the first: %s%n", db,
                    different.size(), samples.size(), different.stream().limit(8)
                            .map(d -> String.format("U+%04X", d.letter().codePointAt(0))).toList());
        }
        return different;
    }

    @OnBothDatabases
    void everyLetterIsLowerCasedAsInJava(TestDatabase db) throws SQLException {
        List<Sample> samples = letters();
        List<Sample> different = disagreements(db, samples);
        if (isPostgres(db)) {
            // The embedded server's ICU is older than Java 17's Unicode 13: it does not know the lower case of the
            // few letters added since (Georgian Mtavruli of Unicode 11, some of Latin Extended-D, Medefaidrin) and
            // leaves them as they are. It never lower-cases a letter to something else than Java does.
            Map<Integer, String> sql = rendered(db, dialect(db).sqlFunction("lower", "t.s"),
                    different.stream().map(Sample::text).toList());
            for (int i = 0; i < different.size(); i++) {
                assertEquals(different.get(i).lowerButTheLetter(), sql.get(i), different.get(i).text());
            }
            assertTrue(different.size() <= 200, () -> different.size() + " disagreements");
        } else {
            assertEquals(List.of(), different);
        }
    }

    /**
     * H2's {@code LOWER} uses the JVM's default locale; the dialect's SQL does not: the same answers in the locales
     * whose case rules differ (Turkish, Azeri: dotless i; Lithuanian: dotted i before accents).
     */
    @OnBothDatabases
    void h2LowerCasesAsTheRootLocaleWhateverTheDefaultLocale(TestDatabase db) throws SQLException {
        if (isPostgres(db)) {
            return;
        }
        List<Sample> texts = List.of(new Sample("x", "I", "x"), new Sample("", "I", "STANBUL"),
                new Sample("", "İ", "stanbul"), new Sample("", "I", "\u0307x"), new Sample("J", "Ì", "ÍĨĮ"),
                new Sample("I", "J", "\u0300"), new Sample("", "Į", "\u0301"), new Sample("ΟΔΟ", "Σ", ""),
                new Sample("", "ǅ", ""), new Sample("", "ẞ", ""));
        Locale before = Locale.getDefault();
        try {
            for (String language : new String[] {"tr", "az", "lt", "en"}) {
                Locale.setDefault(new Locale(language));
                assertEquals(List.of(), disagreements(db, texts), language);
            }
        } finally {
            Locale.setDefault(before);
        }
    }

    @OnBothDatabases
    void lengthCountsCharactersAsJavaDoes(TestDatabase db) throws SQLException {
        List<String> texts = List.of("", "a", "ab", "😀", "a😀b", "𐐀𐐨", "é", "e\u0301", "i̇", "ΟΔΟΣ");
        Map<Integer, String> sql = rendered(db, dialect(db).sqlFunction("length", "t.s"), texts);
        for (int i = 0; i < texts.size(); i++) {
            assertEquals(String.valueOf(ConstraintFunctions.length(texts.get(i))), sql.get(i), texts.get(i));
        }
    }
}
