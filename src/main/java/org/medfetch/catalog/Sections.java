package org.medfetch.catalog;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;

/**
 * The heading path above the current line: {@code Brain / MRI}. A lone top title (the first heading,
 * when every other heading is deeper) is left out, so a list titled "# Awesome Medical Datasets" has
 * sections named after its other headings. A bold line above a list of links acts as one more level.
 */
final class Sections {

    static final String SEPARATOR = " / ";

    private record Open(int index, int level, String title, boolean noDatasets) {
    }

    private final Deque<Open> open = new ArrayDeque<>();
    private final int loneTitle;
    private final boolean hasSections;
    private boolean inSection;
    private int count;
    private String aside;

    /** @param levels the level of every heading of the document, in order */
    Sections(List<Integer> levels) {
        boolean lone = levels.size() > 1;
        for (int i = 1; i < levels.size(); i++) {
            lone &= levels.get(i) > levels.get(0);
        }
        this.loneTitle = lone ? 0 : -1;
        this.hasSections = levels.size() > (lone ? 1 : 0);
    }

    /** A heading that opens a section. */
    void heading(int level, String title) {
        int index = count++;
        close(level);
        String t = Names.title(title);
        if (index != loneTitle && !t.isEmpty()) {
            open.push(new Open(index, level, t, Vocabulary.holdsNoDatasets(t)));
            inSection = true;
        }
    }

    /** A heading that is a dataset itself: it ends the sections at its level but opens none. */
    void entryHeading(int level) {
        count++;
        close(level);
        inSection = true;
    }

    /** Above the first section of a list that has sections: its introduction ("see also [this list]"). */
    boolean inIntroduction() {
        return hasSections && !inSection;
    }

    /** A bold line heading the list of links below it (null ends it). */
    void aside(String title) {
        String t = title == null ? "" : Names.title(title);
        aside = t.isEmpty() ? null : t;
    }

    String aside() {
        return aside;
    }

    void endAside() {
        aside = null;
    }

    /** The path, outermost first, or null above the first section. */
    String path() {
        List<String> titles = titles();
        if (aside != null) {
            titles.add(aside);
        }
        return titles.isEmpty() ? null : String.join(SEPARATOR, titles);
    }

    /** The path without the innermost heading, for an entry that the innermost heading titles. */
    String parentPath() {
        List<String> titles = titles();
        if (!titles.isEmpty()) {
            titles.remove(titles.size() - 1);
        }
        return titles.isEmpty() ? null : String.join(SEPARATOR, titles);
    }

    /** Index of the innermost heading (headings count from 0 in document order), or -1. */
    int innermost() {
        return aside != null || open.isEmpty() ? -1 : open.peek().index();
    }

    String innermostTitle() {
        return open.isEmpty() ? null : open.peek().title();
    }

    /** The heading of the path that holds no datasets (contents, contributing, other lists), or null. */
    String notDatasets() {
        for (Open o : open) {
            if (o.noDatasets()) {
                return o.title();
            }
        }
        return null;
    }

    private List<String> titles() {
        List<String> titles = new ArrayList<>();
        for (Iterator<Open> it = open.descendingIterator(); it.hasNext(); ) {
            titles.add(it.next().title());
        }
        return titles;
    }

    private void close(int level) {
        aside = null;
        while (!open.isEmpty() && open.peek().level() >= level) {
            open.pop();
        }
    }
}
