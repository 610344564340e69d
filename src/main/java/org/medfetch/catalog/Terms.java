package org.medfetch.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A small bundled vocabulary of modalities, tasks and body parts in English and Chinese (terms.tsv), so
 * that "lung" finds 肺 and "超声" finds ultrasound: search, section aliases and the modality of an entry.
 */
public final class Terms {

    /** One group of synonyms; {@code name} is its English name (a modality's as listings print it). */
    record Group(String kind, String name, Set<String> words) {
    }

    private static final Pattern SHORT_WORD = Pattern.compile("[a-z]{1,4}");
    private static final Terms BUNDLED = load();

    private final List<Group> groups;

    private Terms(List<Group> groups) {
        this.groups = List.copyOf(groups);
    }

    public static Terms bundled() {
        return BUNDLED;
    }

    /** The word and every synonym of a group that has it (any case, with or without '-' or spaces). */
    public Set<String> synonyms(String word) {
        String w = normal(word);
        Set<String> out = new LinkedHashSet<>();
        out.add(word.strip().toLowerCase(Locale.ROOT));
        for (Group g : groups) {
            if (g.words().stream().anyMatch(x -> normal(x).equals(w))) {
                out.addAll(g.words());
            }
        }
        return out;
    }

    /**
     * Whether {@code text} mentions {@code word}: short English words as whole words, a change from lower to
     * upper case counting as a word's edge ("ct" in "Lung PET-CT", "xray" in "ChestXray", not "ct" in
     * "project"), anything else as a part ("肺" in "肺结节", "lung" in "LungNodules").
     */
    public static boolean mentions(String text, String word) {
        if (text == null) {
            return false;
        }
        String t = text.toLowerCase(Locale.ROOT);
        String w = word.toLowerCase(Locale.ROOT);
        if (!SHORT_WORD.matcher(w).matches()) {
            return t.contains(w);
        }
        String cased = text.length() == t.length() ? text : t; // lower-casing rarely changes the length
        for (int at = t.indexOf(w); at >= 0; at = t.indexOf(w, at + 1)) {
            boolean before = at == 0 || !Character.isLetter(cased.charAt(at - 1))
                    || Character.isLowerCase(cased.charAt(at - 1)) && Character.isUpperCase(cased.charAt(at));
            int end = at + w.length();
            boolean after = end == t.length() || !Character.isLetter(cased.charAt(end))
                    || Character.isLowerCase(cased.charAt(end - 1)) && Character.isUpperCase(cased.charAt(end));
            if (before && after) {
                return true;
            }
        }
        return false;
    }

    /** The English name of the first modality a section path (or else the name) mentions, or null. */
    public String modality(CatalogEntry entry) {
        if (entry.section() != null) {
            for (String title : entry.section().split(" / ")) {
                for (Group g : groups) {
                    if (g.kind().equals("modality") && g.words().stream().anyMatch(w -> normal(w).equals(normal(title)))) {
                        return g.name();
                    }
                }
            }
        }
        for (Group g : groups) {
            if (g.kind().equals("modality") && g.words().stream().anyMatch(w -> mentions(entry.name(), w))) {
                return g.name();
            }
        }
        return null;
    }

    /** Lower case, without the '-', '_' and spaces people write differently ("X-ray", "xray", "x ray"). */
    private static String normal(String word) {
        return word.toLowerCase(Locale.ROOT).replaceAll("[-_\\s]", "");
    }

    private static Terms load() {
        try (InputStream in = Terms.class.getResourceAsStream("terms.tsv")) {
            if (in == null) {
                throw new IllegalStateException("terms.tsv is missing from the build");
            }
            List<Group> groups = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t", -1);
                Set<String> words = new LinkedHashSet<>();
                words.add(cells[1].strip().toLowerCase(Locale.ROOT));
                for (int i = 2; i < cells.length; i++) {
                    Arrays.stream(cells[i].split(",")).map(String::strip).filter(w -> !w.isEmpty())
                            .map(w -> w.toLowerCase(Locale.ROOT)).forEach(words::add);
                }
                groups.add(new Group(cells[0].strip(), cells[1].strip(), words));
            }
            return new Terms(groups);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled terms.tsv", e);
        }
    }
}
