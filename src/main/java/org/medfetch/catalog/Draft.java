package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An entry being read. Table rows, list items and linked headings pin their link; a name block keeps
 * the best-ranked link it has seen (a download link before a web page, a paper last) and the others as
 * alternatives.
 */
final class Draft {

    private final RawRow row;
    private final boolean pinned;
    private final String parentSection;
    private final int heading;
    private final boolean titled;
    private String headingTitle;
    private String link;
    private String linkLabel;
    private Vocabulary.Rank rank;
    private final Map<String, EntryLink> others = new LinkedHashMap<>();

    /**
     * @param parentSection the section without the innermost heading
     * @param heading       the innermost heading's index, or -1
     * @param titled        true when the innermost heading may title this entry (it is the only row of its
     *                      table, or the heading is its name)
     */
    Draft(RawRow row, boolean pinned, String parentSection, int heading, boolean titled) {
        this.row = row;
        this.pinned = pinned;
        this.parentSection = parentSection;
        this.heading = heading;
        this.titled = titled;
        this.link = row.link();
        this.rank = row.link() == null ? null : Vocabulary.Rank.DATA;
    }

    /** A name block's draft, whose link is the best one offered. */
    static Draft named(String name, int line, Sections sections, boolean titled) {
        RawRow row = RawRow.listed(line, sections.path(), name, null, List.of());
        return new Draft(row, false, sections.parentPath(), sections.innermost(), titled);
    }

    /** A draft whose link is fixed: a list item or a linked heading. */
    static Draft pinned(String name, int line, String link, Sections sections) {
        RawRow row = RawRow.listed(line, sections.path(), name, link, List.of());
        Draft draft = new Draft(row, true, sections.parentPath(), sections.innermost(), false);
        draft.headingTitle = sections.innermostTitle();
        return draft;
    }

    String name() {
        return row.cell(ColumnRole.NAME);
    }

    String section() {
        return row.section();
    }

    int line() {
        return row.line();
    }

    /** A name block's entry (its link is chosen among the block's links), not a row or an item. */
    boolean isNameBlock() {
        return !pinned;
    }

    int heading() {
        return heading;
    }

    /** Whether the innermost heading titles this entry: the only row of its table, or the heading is its name. */
    boolean titled() {
        return titled || headingTitle != null && DatasetIds.slug(name()).equals(DatasetIds.slug(headingTitle));
    }

    /** Another link of this entry, with what the catalog calls it. */
    void offer(FoundLink found, String label) {
        String url = found.url();
        if (url.equals(link) || others.containsKey(url)) {
            return;
        }
        Vocabulary.Rank offered = found.image() && label == null ? Vocabulary.Rank.OTHER : Vocabulary.rank(label);
        if (!pinned && !found.image() && (link == null || offered.compareTo(rank) < 0)) {
            if (link != null) {
                others.put(link, new EntryLink(linkLabel, link));
            }
            link = url;
            linkLabel = label;
            rank = offered;
        } else {
            others.put(url, new EntryLink(label, url));
        }
    }

    /** Every link of a line: the label of a link is its text, else the line's "Label:" prefix. */
    void offerAll(Line line) {
        for (FoundLink found : line.usableLinks()) {
            offer(found, labelOf(line, found));
        }
    }

    static String labelOf(Line line, FoundLink found) {
        if (!found.text().isBlank() && !found.text().equals(found.url()) && !found.text().contains("://")) {
            return Names.collapse(found.text());
        }
        String label = line.label();
        return label != null && line.firstTextual() == found ? label : null;
    }

    boolean hasLink() {
        return link != null;
    }

    /** The entry's row, in the section given (the parent section when its heading only titles it). */
    RawRow toRow(boolean dropTitle) {
        String section = dropTitle ? parentSection : row.section();
        List<EntryLink> alternatives = new ArrayList<>(row.alternatives());
        for (EntryLink l : others.values()) {
            if (!l.url().equals(link)) {
                alternatives.add(l);
            }
        }
        return row.with(section, link, alternatives);
    }
}
