package org.medfetch.catalog;

import java.util.List;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;

/** The inline content of one commonmark block (paragraph, heading, table cell) as {@link Line}s. */
final class InlineLines {

    /** Deeper nesting than this is read as plain text: no real list nests emphasis so deep. */
    private static final int MAX_DEPTH = 64;

    private final LineBuilder builder;
    private final List<Integer> numbers;
    private int next = 1;

    private InlineLines(List<Integer> numbers) {
        this.numbers = numbers;
        this.builder = new LineBuilder(numbers.get(0));
    }

    /**
     * @param numbers the original line number of each source line of the block, in order
     */
    static List<Line> of(Node block, List<Integer> numbers) {
        Node only = block.getFirstChild();
        if (only instanceof Text text && only.getNext() == null && Urls.bare(text.getLiteral()).isEmpty()) {
            return List.of(new Line(numbers.get(0), List.of(new Line.Piece(text.getLiteral(), null, false))));
        }
        InlineLines reader = new InlineLines(numbers);
        for (Node child = block.getFirstChild(); child != null; child = child.getNext()) {
            reader.visit(child, false, 0);
        }
        return reader.builder.finish();
    }

    private void visit(Node node, boolean strong, int depth) {
        if (node instanceof Text text) {
            builder.text(text.getLiteral(), strong);
        } else if (node instanceof Code code) {
            builder.text(code.getLiteral(), strong);
        } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            builder.newLine(numbers.get(Math.min(next++, numbers.size() - 1)));
        } else if (node instanceof Link link) {
            boolean image = onlyImages(link);
            builder.link(link.getDestination(), image ? altText(link) : plain(link, 0), image);
        } else if (node instanceof Image image) {
            builder.image(plain(image, 0));
        } else if (node instanceof HtmlInline html) {
            builder.tag(html.getLiteral());
        } else if (depth < MAX_DEPTH) {
            boolean bold = strong || node instanceof StrongEmphasis;
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                visit(child, bold, depth + 1);
            }
        } else {
            builder.text(plain(node, 0), strong);
        }
    }

    private static boolean onlyImages(Link link) {
        boolean image = false;
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image) {
                image = true;
            } else if (!(child instanceof Text t && t.getLiteral().isBlank())
                    && !(child instanceof SoftLineBreak || child instanceof HtmlInline)) {
                return false;
            }
        }
        return image;
    }

    private static String altText(Link link) {
        for (Node child = link.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Image image) {
                return plain(image, 0);
            }
        }
        return "";
    }

    /** Text of a node and its children, images left out (their alt text is not something a reader sees). */
    static String plain(Node node, int depth) {
        if (node instanceof Text text) {
            return text.getLiteral();
        }
        if (node instanceof Code code) {
            return code.getLiteral();
        }
        if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
            return " ";
        }
        StringBuilder out = new StringBuilder();
        if (depth < MAX_DEPTH) {
            for (Node child = node.getFirstChild(); child != null; child = child.getNext()) {
                if (!(child instanceof Image) || node instanceof Image) {
                    out.append(plain(child, depth + 1));
                }
            }
        }
        return out.toString();
    }
}
