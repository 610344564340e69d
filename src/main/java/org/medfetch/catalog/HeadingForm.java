package org.medfetch.catalog;

/**
 * A heading that is a dataset: {@code ### [Name](url)}, with the text below it as its description and
 * the links there as its other links. A heading with a link and more text ({@code ## Data from
 * [TCIA](…)}) is a section.
 */
final class HeadingForm {

    private HeadingForm() {
    }

    /** The dataset name of a heading holding {@code link}, or null when the heading is a section. */
    static String name(Line heading, FoundLink link) {
        if (Vocabulary.isGeneric(link.text())) {
            String before = Names.fromText(heading.textBefore(link));
            return before.isEmpty() || Vocabulary.isGeneric(before) ? null : before;
        }
        StringBuilder outside = new StringBuilder();
        for (Line.Piece p : heading.pieces()) {
            if (p.link() == null) {
                outside.append(p.text());
            }
        }
        return Names.title(outside.toString()).isEmpty() ? Names.collapse(link.text()) : null;
    }
}
