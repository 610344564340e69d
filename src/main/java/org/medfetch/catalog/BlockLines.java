package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SourceSpan;

/** The lines of a commonmark block (paragraph, heading, HTML block), numbered as in the original file. */
final class BlockLines {

    private final SourceLines source;

    BlockLines(SourceLines source) {
        this.source = source;
    }

    List<Line> of(Node block) {
        List<Integer> numbers = new ArrayList<>();
        for (SourceSpan span : block.getSourceSpans()) {
            numbers.add(source.originalLine(span.getLineIndex()));
        }
        if (numbers.isEmpty()) {
            return List.of();
        }
        if (block instanceof HtmlBlock html) {
            return HtmlLines.of(html.getLiteral(), numbers.get(0), numbers);
        }
        return InlineLines.of(block, numbers);
    }

    /** The original line a block starts on. */
    int first(Node block) {
        return block.getSourceSpans().isEmpty() ? 1 : source.originalLine(block.getSourceSpans().get(0).getLineIndex());
    }
}
