package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;

/**
 * One source line of a catalog as text and links, in reading order.
 *
 * @param number 1-based line in the original catalog file
 */
record Line(int number, List<Piece> pieces) {

    /** Text (with {@code link == null}) or a link; {@code strong} marks bold or underlined text. */
    record Piece(String text, FoundLink link, boolean strong) {
    }

    Line {
        pieces = List.copyOf(pieces);
    }

    List<FoundLink> links() {
        List<FoundLink> links = new ArrayList<>();
        for (Piece p : pieces) {
            if (p.link() != null) {
                links.add(p.link());
            }
        }
        return links;
    }

    /** Usable links, the ones that show text first. */
    List<FoundLink> usableLinks() {
        List<FoundLink> all = new ArrayList<>();
        List<FoundLink> images = new ArrayList<>();
        for (FoundLink l : links()) {
            if (l.textual()) {
                all.add(l);
            } else if (l.image() && l.usable()) {
                images.add(l);
            }
        }
        all.addAll(images);
        return all;
    }

    FoundLink firstTextual() {
        for (Piece p : pieces) {
            if (p.link() != null && p.link().textual()) {
                return p.link();
            }
        }
        return null;
    }

    boolean hasUsableLink() {
        for (Piece p : pieces) {
            if (p.link() != null && p.link().usable()) {
                return true;
            }
        }
        return false;
    }

    /** The line as a reader sees it: text and the text of links (image links show nothing). */
    String plain() {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            out.append(shown(p));
        }
        return out.toString();
    }

    /** What a reader sees of a piece: its text, a link's text, nothing for an image link. */
    private static String shown(Piece p) {
        return p.link() == null ? p.text() : p.link().image() ? "" : p.link().text();
    }

    String textBefore(FoundLink link) {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            if (p.link() == link) {
                break;
            }
            out.append(shown(p));
        }
        return out.toString();
    }

    String textAfter(FoundLink link) {
        StringBuilder out = new StringBuilder();
        boolean after = false;
        for (Piece p : pieces) {
            if (after) {
                out.append(shown(p));
            }
            after |= p.link() == link;
        }
        return out.toString();
    }

    /** A line of bold text only, without links: the name line of a name block. */
    boolean isNameLine() {
        boolean text = false;
        for (Piece p : pieces) {
            if (p.link() != null) {
                if (p.link().usable()) {
                    return false;
                }
                continue;
            }
            if (!p.text().isBlank()) {
                String t = p.text().strip();
                if (!p.strong() && !t.equals(":") && !t.equals("：")) {
                    return false;
                }
                text = true;
            }
        }
        return text;
    }

    /** The bold text at the start of the line (before any other text or link), or "". */
    String strongLead() {
        StringBuilder out = new StringBuilder();
        for (Piece p : pieces) {
            if (p.link() != null || (!p.strong() && !p.text().isBlank())) {
                break;
            }
            out.append(p.text());
        }
        return out.toString().strip();
    }

    /** "Access" for {@code Access: https://...}: the short text before the first link, when it ends with a colon. */
    String label() {
        FoundLink first = null;
        for (FoundLink l : links()) {
            if (l.usable()) {
                first = l;
                break;
            }
        }
        if (first == null) {
            return null;
        }
        String before = textBefore(first).strip();
        if (!before.endsWith(":") && !before.endsWith("：")) {
            return null;
        }
        String label = Names.collapse(Names.withoutOpening(before.substring(0, before.length() - 1)));
        return label.isEmpty() || label.length() > 40 || label.chars().filter(c -> c == ' ').count() > 4 ? null : label;
    }
}
