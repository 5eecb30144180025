package dev.warden.processor.validation;

import java.lang.Character.UnicodeScript;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Names that can pass for other names: a name that mixes scripts (a Cyrillic {@code А} in {@code Admin}), and two
 * names that look alike although they differ ({@code Ops} and the all-Cyrillic {@code Орѕ}).
 *
 * <p>Mixed scripts as in UTS #39 (Unicode Security Mechanisms, "mixed-script detection"): the scripts of a name's
 * letters, leaving out Common and Inherited (digits, {@code _}, {@code $}, combining marks), must have one writing
 * system in common, where Han, Hiragana and Katakana are one (Japanese), Han and Hangul one (Korean), and Han and
 * Bopomofo one (Chinese). Java knows each code point's Script, not its Script_Extensions: characters shared by
 * several scripts, whose Script is Common or Inherited, are left out.
 *
 * <p>Look-alikes as the UTS #39 skeleton, restricted to the letters of Cyrillic and Greek that are drawn as Latin
 * letters: the JDK does not carry the full confusables table, and those two scripts are where look-alikes of
 * Latin-written role names come from.
 */
final class LookAlikes {

    /** Cyrillic and Greek letters drawn like a Latin letter, with that letter. */
    private static final Map<Integer, Character> LATIN_LOOK_ALIKES = latinLookAlikes();

    private LookAlikes() {}

    /** A letter of a name in another script than the rest of the name, with both scripts. */
    record Mix(int codePoint, String script, String otherScript) {

        /** {@code Cyrillic 'А' (U+0410) with Latin}. */
        String describe() {
            return script + " '" + Character.toString(codePoint) + "' (U+"
                    + String.format(Locale.ROOT, "%04X", codePoint) + ") with " + otherScript;
        }
    }

    /**
     * Whether a name mixes scripts, and if so, the first letter that is not written like the name's most frequent
     * script (Latin in {@code Аdmin}, so the Cyrillic {@code А}).
     */
    static Optional<Mix> mixedScripts(String name) {
        Map<UnicodeScript, Integer> letters = new LinkedHashMap<>();
        Set<String> common = null;
        name.codePoints().mapToObj(UnicodeScript::of).filter(LookAlikes::isLetterScript)
                .forEach(script -> letters.merge(script, 1, Integer::sum));
        for (UnicodeScript script : letters.keySet()) {
            Set<String> writings = writingSystems(script);
            if (common == null) {
                common = new HashSet<>(writings);
            } else {
                common.retainAll(writings);
            }
        }
        if (common == null || !common.isEmpty()) {
            return Optional.empty();
        }
        UnicodeScript main = letters.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> mainWritings = writingSystems(main);
        int[] codePoints = name.codePoints().toArray();
        for (int codePoint : codePoints) {
            UnicodeScript script = UnicodeScript.of(codePoint);
            if (isLetterScript(script) && Collections.disjoint(writingSystems(script), mainWritings)) {
                return Optional.of(new Mix(codePoint, scriptName(script), scriptName(main)));
            }
        }
        // Each script is written with the main one, but not all with each other (Katakana and Hangul with Han).
        UnicodeScript first = letters.keySet().iterator().next();
        UnicodeScript other = letters.keySet().stream().filter(s -> Collections.disjoint(writingSystems(s),
                writingSystems(first))).findFirst().orElse(main);
        for (int codePoint : codePoints) {
            if (UnicodeScript.of(codePoint) == other) {
                return Optional.of(new Mix(codePoint, scriptName(other), scriptName(first)));
            }
        }
        return Optional.empty();
    }

    private static boolean isLetterScript(UnicodeScript script) {
        return script != UnicodeScript.COMMON && script != UnicodeScript.INHERITED && script != UnicodeScript.UNKNOWN;
    }

    /**
     * The writing systems a script is used in, as UTS #39's augmented script sets: Han with Japanese, Korean and
     * Chinese, Hiragana and Katakana with Japanese, Hangul with Korean, Bopomofo with Chinese, any other script alone.
     */
    private static Set<String> writingSystems(UnicodeScript script) {
        return switch (script) {
            case HAN -> Set.of("HAN", "JAPANESE", "KOREAN", "CHINESE");
            case HIRAGANA, KATAKANA -> Set.of(script.name(), "JAPANESE");
            case HANGUL -> Set.of("HANGUL", "KOREAN");
            case BOPOMOFO -> Set.of("BOPOMOFO", "CHINESE");
            default -> Set.of(script.name());
        };
    }

    /**
     * The name with every Cyrillic and Greek letter that is drawn like a Latin one replaced by that letter: two names
     * with the same skeleton look alike.
     */
    static String skeleton(String name) {
        StringBuilder skeleton = new StringBuilder(name.length());
        name.codePoints().forEach(c -> {
            Character latin = LATIN_LOOK_ALIKES.get(c);
            if (latin != null) {
                skeleton.append(latin.charValue());
            } else {
                skeleton.appendCodePoint(c);
            }
        });
        return skeleton.toString();
    }

    /** Whether the name has letters of Cyrillic or Greek that are drawn like Latin ones. */
    static boolean hasLatinLookAlikes(String name) {
        return name.codePoints().anyMatch(LATIN_LOOK_ALIKES::containsKey);
    }

    /** The scripts of a name's letters, leaving out Common and Inherited: {@code "Cyrillic"}. */
    static String scripts(String name) {
        Set<UnicodeScript> scripts = EnumSet.noneOf(UnicodeScript.class);
        name.codePoints().mapToObj(UnicodeScript::of).filter(LookAlikes::isLetterScript).forEach(scripts::add);
        return String.join(" and ", scripts.stream().map(LookAlikes::scriptName).toList());
    }

    /** Whether every letter of the name is Latin (or Common or Inherited). */
    static boolean isLatin(String name) {
        return name.codePoints().mapToObj(UnicodeScript::of)
                .allMatch(script -> script == UnicodeScript.LATIN || !isLetterScript(script));
    }

    /** {@code CYRILLIC} as {@code Cyrillic}. */
    private static String scriptName(UnicodeScript script) {
        String name = script.name().replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(name.charAt(0)) + name.substring(1);
    }

    private static Map<Integer, Character> latinLookAlikes() {
        Map<Integer, Character> map = new LinkedHashMap<>();
        // Cyrillic capitals and small letters
        put(map, "АВЕКМНОРСТХУЅІЈԚԜ", "ABEKMHOPCTXYSIJQW");
        put(map, "аеорсухѕіјһԁԛԝӏ", "aeopcyxsijhdqwl");
        // Greek capitals and small letters
        put(map, "ΑΒΕΖΗΙΚΜΝΟΡΤΥΧ", "ABEZHIKMNOPTYX");
        put(map, "ονρ", "ovp");
        return Map.copyOf(map);
    }

    private static void put(Map<Integer, Character> map, String letters, String latin) {
        int[] codePoints = letters.codePoints().toArray();
        for (int i = 0; i < codePoints.length; i++) {
            map.put(codePoints[i], latin.charAt(i));
        }
    }
}
