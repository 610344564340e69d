package org.medfetch.catalog;

/**
 * A name waiting for its links: a bold or underlined line ({@code __Name__}, {@code **Name**}) followed by
 * lines such as {@code Access: url} or {@code Paper: url}; a heading followed by labelled links
 * ({@code 数据下载地址：url}); or a short plain line directly followed by one ({@code URL: https://…}).
 *
 * @param line      1-based line of the name
 * @param described true once text without links followed the name: a bold line with a description is a
 *                  dataset's name, a bold line right above a list is a heading of the list
 * @param draft     the entry a bold name becomes, or null
 */
record NameBlock(String name, int line, Kind kind, boolean described, Draft draft) {

    enum Kind { BOLD, HEADING, PLAIN }

    NameBlock(String name, int line, Kind kind) {
        this(name, line, kind, false, null);
    }

    /** A bold name, with the entry it becomes (in the section where it stands). */
    static NameBlock bold(String name, int line, Sections sections) {
        return new NameBlock(name, line, Kind.BOLD, false, Draft.named(name, line, sections, false));
    }

    NameBlock withDescription() {
        return new NameBlock(name, line, kind, true, draft);
    }

    /**
     * Whether a list item {@code - Label: url} is one of this name's labelled links rather than a dataset of
     * its own: under a described bold name any label, under a heading only the words of links.
     */
    boolean owns(Line item) {
        String label = item.label();
        return label != null && (kind == Kind.BOLD && described
                || kind == Kind.HEADING && Vocabulary.rank(label) != Vocabulary.Rank.OTHER);
    }

    /** Whether a line with links gives this name its entry. */
    boolean accepts(Line links) {
        return switch (kind) {
            case BOLD -> true;
            case HEADING, PLAIN -> links.label() != null
                    && Vocabulary.rank(links.label()).compareTo(Vocabulary.Rank.PAGE) <= 0;
        };
    }

    /**
     * Whether a list item with links but no name of its own belongs to this name: under a described bold
     * name (a dataset's name block) or a heading with a labelled link; not under a bold line that heads
     * the list (that item names nothing).
     */
    boolean takesItem(Line item) {
        return kind == Kind.BOLD ? described : kind == Kind.HEADING && accepts(item);
    }

    /** A short line of plain text that may name the labelled link right below it. */
    static boolean couldName(Line line) {
        String text = Names.collapse(line.plain());
        return !text.isEmpty() && text.length() <= 100 && !text.endsWith(":") && !text.endsWith("：")
                && ".。!?".indexOf(text.charAt(text.length() - 1)) < 0 && text.codePoints().anyMatch(Character::isLetter);
    }
}
