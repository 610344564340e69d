package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The entries a document gave, in reading order, and the last decisions that need all of them: a bold
 * name without link is a dataset only in a section of name blocks, and a heading that stands over one
 * entry it titles is no section of it.
 */
final class DraftList {

    private final List<Draft> drafts = new ArrayList<>();
    private final List<Draft> unlinked = new ArrayList<>();

    void add(Draft draft) {
        drafts.add(draft);
    }

    void addAll(List<Draft> more) {
        drafts.addAll(more);
    }

    /** A bold name with a description but no link, kept until it is known whether its section is a list of name blocks. */
    void unlinked(Draft draft) {
        unlinked.add(draft);
    }

    List<RawRow> rows() {
        Map<String, Integer> blocks = new HashMap<>();
        for (Draft d : drafts) {
            if (d.isNameBlock()) {
                blocks.merge(String.valueOf(d.section()), 1, Integer::sum);
            }
        }
        if (!unlinked.isEmpty()) {
            for (Draft d : unlinked) {
                if (blocks.getOrDefault(String.valueOf(d.section()), 0) >= 2) {
                    drafts.add(d);
                }
            }
            drafts.sort(Comparator.comparingInt(Draft::line));
        }
        Map<Integer, Integer> perHeading = new HashMap<>();
        for (Draft d : drafts) {
            perHeading.merge(d.heading(), 1, Integer::sum);
        }
        List<RawRow> rows = new ArrayList<>();
        for (Draft d : drafts) {
            rows.add(d.toRow(d.heading() >= 0 && d.titled() && perHeading.get(d.heading()) == 1));
        }
        return rows;
    }
}
