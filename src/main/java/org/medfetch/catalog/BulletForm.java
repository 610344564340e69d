package org.medfetch.catalog;

/**
 * A list item that is a dataset: {@code - [Name](url) – text}, {@code - <a href="url"> **Name**</a>},
 * {@code * Name http://url}, {@code - Name: <url>}. The item's first link is the entry's link; its name is
 * the link's text, or when that names nothing ("link", "官网", an emoji, the URL itself) the text before
 * the link (up to a separator such as ": " or " - "), else the text after it.
 */
final class BulletForm {

    /** The name and link a list item's first line gives, or null when it gives no dataset. */
    record Entry(String name, FoundLink link) {
    }

    private BulletForm() {
    }

    static Entry read(Line first) {
        if (first == null) {
            return null;
        }
        FoundLink link = first.firstTextual();
        if (link == null) {
            return null;
        }
        String name = nameOf(first, link);
        return name == null ? null : new Entry(name, link);
    }

    /** The name a line gives the link in it, or null. */
    static String nameOf(Line line, FoundLink link) {
        if (!Vocabulary.isGeneric(link.text())) {
            return Names.collapse(link.text());
        }
        String before = Names.fromText(line.textBefore(link));
        if (!before.isEmpty()) {
            return Vocabulary.isGeneric(before) ? null : before;
        }
        String after = Names.fromText(Names.withoutOpening(line.textAfter(link)));
        return after.isEmpty() || Vocabulary.isGeneric(after) ? null : after;
    }
}
