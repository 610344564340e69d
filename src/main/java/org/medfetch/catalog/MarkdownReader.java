package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.ThematicBreak;

/**
 * Walks a commonmark document in reading order and hands each block to the form that reads it: tables,
 * list items, linked headings, name blocks. Lines with links that no form takes become the entry's
 * links when an entry is open (the text under a linked heading, the lines of a name block, the notes
 * below a one-row table), and are reported as skipped otherwise.
 */
final class MarkdownReader {

    static final String IN_TEXT = "a link in running text, not in a table row, list item, linked heading or name block";
    static final String NO_NAME = "nothing names the link (its text names nothing, like 'link' or 官网)";
    static final String HEADING_TEXT = "a heading with a link and more text is a section, not a dataset";
    static final String PAPERS = "a list of papers, not datasets";
    static final String INTRODUCTION = "in the introduction, above the list's first section";

    private final SourceLines source;
    private final Sections sections;
    private final List<HtmlTables.Region> htmlTables;
    private final DraftList drafts = new DraftList();
    private final BlockLines blockLines;
    private final Coverage coverage = new Coverage();
    private int nextTable;
    private Draft open;
    private boolean openIsBlock;
    private NameBlock pending;
    private String listLabel;

    MarkdownReader(SourceLines source, List<Integer> headingLevels, List<HtmlTables.Region> htmlTables) {
        this.source = source;
        this.sections = new Sections(headingLevels);
        this.htmlTables = htmlTables;
        this.blockLines = new BlockLines(source);
    }

    /** The entries of the document, and the problems of lines that gave none. */
    List<RawRow> read(Node document, List<CatalogProblem> problems) {
        children(document);
        tablesBefore(Integer.MAX_VALUE);
        drop();
        problems.addAll(coverage.problems());
        return drafts.rows();
    }

    private void children(Node parent) {
        for (Node child = parent.getFirstChild(); child != null; child = child.getNext()) {
            block(child);
        }
    }

    private void block(Node node) {
        if (!node.getSourceSpans().isEmpty()) {
            tablesBefore(node.getSourceSpans().get(0).getLineIndex());
        }
        if (node instanceof Heading heading) {
            heading(heading);
        } else if (node instanceof ThematicBreak) {
            close();
            drop();
            sections.endAside();
        } else if (node instanceof TableBlock table) {
            table(GfmTables.read(table, source));
        } else if (node instanceof ListBlock list) {
            list(list, null);
            listLabel = null;
            if (pending != null && pending.kind() == NameBlock.Kind.PLAIN) {
                pending = null;
            }
        } else if (node instanceof Paragraph || node instanceof HtmlBlock) {
            for (Line line : lines(node)) {
                line(line);
            }
        } else if (node instanceof BlockQuote) {
            children(node);
        }
    }

    /** HTML tables found before commonmark ran, read when the walk reaches them. */
    private void tablesBefore(int preparedLine) {
        while (nextTable < htmlTables.size() && htmlTables.get(nextTable).first() < preparedLine) {
            table(htmlTables.get(nextTable++).table());
        }
    }

    private void heading(Heading heading) {
        close();
        drop();
        listLabel = null;
        List<Line> lines = lines(heading);
        Line line = lines.isEmpty() ? new Line(blockLines.first(heading), List.of()) : lines.get(0);
        FoundLink link = line.firstTextual();
        String name = link == null ? null : HeadingForm.name(line, link);
        if (name != null) {
            sections.entryHeading(heading.getLevel());
            if (sections.notDatasets() != null) {
                coverage.skipped(line, notDatasets());
                return;
            }
            Draft draft = Draft.pinned(name, line.number(), link.url(), sections);
            draft.offerAll(line);
            add(draft, line);
            open = draft;
            return;
        }
        sections.heading(heading.getLevel(), line.plain());
        coverage.skipped(line, sections.notDatasets() != null ? notDatasets() : HEADING_TEXT);
        pending = new NameBlock(Names.title(line.plain()), line.number(), NameBlock.Kind.HEADING);
    }

    private void table(TableRead table) {
        close();
        listLabel = null;
        if (sections.notDatasets() != null) {
            table.rows().forEach(r -> r.cells().forEach(c -> coverage.skipped(c, notDatasets())));
            return;
        }
        boolean aside = pending != null && pending.kind() == NameBlock.Kind.BOLD;
        if (aside) {
            sections.aside(pending.name());
        }
        TableForm.Result result = TableForm.read(table, sections);
        for (TableRead.Row row : table.rows()) {
            if (result.skipped() != null) {
                row.cells().forEach(c -> coverage.skipped(c, result.skipped()));
            }
            if (!result.drafts().isEmpty()) {
                coverage.used(row.line());
            }
        }
        drafts.addAll(result.drafts());
        if (result.drafts().size() == 1) {
            open = result.drafts().get(0);
        }
        if (!result.drafts().isEmpty() && aside) {
            pending = null;
        } else if (!result.drafts().isEmpty()) {
            drop();
        }
    }

    /** One line of a paragraph or HTML block outside any list item. */
    private void line(Line line) {
        if (line.isNameLine()) {
            close();
            sections.endAside();
            drop();
            pending = NameBlock.bold(Names.trimSymbols(Names.collapse(line.plain())), line.number(), sections);
            return;
        }
        if (!line.hasUsableLink()) {
            coverage.schemeless(line);
            String text = Names.collapse(line.plain());
            if (text.isEmpty()) {
                return;
            }
            listLabel = text.endsWith(":") || text.endsWith("：") ? text : null;
            if (pending != null && pending.kind() == NameBlock.Kind.BOLD) {
                pending = pending.withDescription();
                return;
            }
            if (open == null && (pending == null || pending.kind() == NameBlock.Kind.PLAIN)) {
                pending = NameBlock.couldName(line)
                        ? new NameBlock(Names.trimSymbols(text), line.number(), NameBlock.Kind.PLAIN) : null;
            }
            return;
        }
        listLabel = null;
        if (sections.notDatasets() != null) {
            coverage.skipped(line, notDatasets());
        } else if (open != null) {
            open.offerAll(line);
            coverage.used(line);
        } else if (pending != null && pending.accepts(line)) {
            startBlock(line);
        } else if (!linkLine(line)) {
            coverage.skipped(line, IN_TEXT);
        }
        if (pending != null && pending.kind() == NameBlock.Kind.PLAIN) {
            pending = null;
        }
    }

    /** A line that starts with a named link, as a list item would: {@code [TCIA](https://…): the archive}. */
    private boolean linkLine(Line line) {
        BulletForm.Entry entry = BulletForm.read(line);
        if (entry == null || !Names.title(line.textBefore(entry.link())).isEmpty()
                || Vocabulary.isGeneric(entry.link().text())) {
            return false;
        }
        if (sections.inIntroduction()) {
            coverage.skipped(line, INTRODUCTION);
            return true;
        }
        Draft draft = Draft.pinned(entry.name(), line.number(), entry.link().url(), sections);
        draft.offerAll(line);
        add(draft, line);
        return true;
    }

    private void startBlock(Line line) {
        Draft draft = pending.draft() != null ? pending.draft()
                : Draft.named(pending.name(), pending.line(), sections, pending.kind() == NameBlock.Kind.HEADING);
        draft.offerAll(line);
        if (!draft.hasLink()) {
            coverage.skipped(line, NO_NAME);
            return;
        }
        add(draft, line);
        open = draft;
        openIsBlock = true;
        pending = null;
    }

    private void list(ListBlock list, Draft parent) {
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            if (item instanceof ListItem listItem) {
                item(listItem, parent);
            }
        }
    }

    private void item(ListItem item, Draft parent) {
        List<Line> own = new ArrayList<>();
        List<ListBlock> nested = new ArrayList<>();
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph || child instanceof HtmlBlock) {
                own.addAll(lines(child));
            } else if (child instanceof ListBlock l) {
                nested.add(l);
            }
        }
        if (sections.notDatasets() != null) {
            own.forEach(l -> coverage.skipped(l, notDatasets()));
            nested.forEach(l -> list(l, parent));
            return;
        }
        Line first = own.isEmpty() ? null : own.get(0);
        boolean owned = papers() || open != null && openIsBlock || first != null && pending != null && pending.owns(first);
        BulletForm.Entry entry = owned ? null : BulletForm.read(first);
        if (entry != null && sections.inIntroduction()) {
            own.forEach(l -> coverage.skipped(l, INTRODUCTION));
            return;
        }
        if (entry != null) {
            if (pending != null && pending.kind() == NameBlock.Kind.BOLD) {
                sections.aside(pending.name());
                pending = null;
            }
            drop();
            Draft draft = Draft.pinned(entry.name(), first.number(), entry.link().url(), sections);
            own.forEach(draft::offerAll);
            own.forEach(coverage::used);
            drafts.add(draft);
            nested.forEach(l -> list(l, draft));
            return;
        }
        String lead = first == null || first.hasUsableLink() ? "" : first.strongLead();
        if (!lead.isEmpty() && parent == null && !(open != null && openIsBlock) && !papers()) {
            namedItem(lead, first, own, nested);
            return;
        }
        Draft target = parent != null ? parent : open;
        for (Line line : own) {
            if (!line.hasUsableLink()) {
                coverage.schemeless(line);
                continue;
            }
            if (target != null) {
                target.offerAll(line);
                coverage.used(line);
            } else if (!papers() && pending != null && pending.takesItem(line)) {
                startBlock(line);
                target = open;
            } else {
                coverage.skipped(line, papers() ? PAPERS : NO_NAME);
            }
        }
        nested.forEach(l -> list(l, parent));
    }

    /** {@code - **VinDr-Mammo:** text} with its links on the lines or items below: a name block in an item. */
    private void namedItem(String lead, Line first, List<Line> own, List<ListBlock> nested) {
        Draft savedOpen = open;
        boolean savedBlock = openIsBlock;
        NameBlock savedPending = pending;
        String savedAside = sections.aside();
        open = null;
        // The bold lead of an item names what the item describes: its links below are that name's.
        pending = NameBlock.bold(Names.fromText(lead), first.number(), sections).withDescription();
        own.subList(1, own.size()).forEach(this::line);
        Draft block = openIsBlock ? open : null;
        nested.forEach(l -> list(l, block));
        drop();
        open = savedOpen;
        openIsBlock = savedBlock;
        pending = savedPending;
        sections.aside(savedAside);
    }

    /** True when the list was introduced by "Papers:", "References:", "相关论文：". */
    private boolean papers() {
        return listLabel != null && Vocabulary.rank(listLabel) == Vocabulary.Rank.PAPER;
    }

    /**
     * Ends the waiting name. A bold name with a description but no link is kept aside: in a list of name
     * blocks it is a dataset whose link is missing (see {@link #read}).
     */
    private void drop() {
        if (pending != null && pending.kind() == NameBlock.Kind.BOLD && pending.described()
                && sections.notDatasets() == null) {
            drafts.unlinked(pending.draft());
        }
        pending = null;
    }

    private void add(Draft draft, Line line) {
        drafts.add(draft);
        coverage.used(line);
    }

    private void close() {
        open = null;
        openIsBlock = false;
    }

    private String notDatasets() {
        return "under '" + sections.notDatasets() + "', which lists no datasets";
    }

    private List<Line> lines(Node block) {
        return blockLines.of(block);
    }
}
