package org.medfetch.catalog;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled catalog as the build read it, in a plain line format that reads in a few milliseconds:
 * parsing the Markdown (commonmark's classes and its first, cold parse) cost about 0.15 s of CPU on
 * every command that looks at a dataset. The build writes it from {@code bundled.md} (the
 * process-classes phase runs {@link #main}); {@link CatalogLoader#bundled()} reads it, and parses the
 * Markdown when it is missing. A test checks that both give the same catalog.
 *
 * <p>One record per line, fields separated by tabs: {@code E} an entry (followed by an {@code L} line
 * per other link), {@code P} a problem. Tabs, line breaks and backslashes in a field are escaped with a
 * backslash; {@code \N} is null.
 */
public final class PrecomputedCatalog {

    static final String RESOURCE = "/org/medfetch/catalog/bundled.tsv";
    private static final String HEADER = "medfetch precomputed catalog 1";
    private static final String NULL = "\\N";

    private PrecomputedCatalog() {
    }

    /** Writes the bundled catalog, parsed from its Markdown, to the file named by {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Path file = Path.of(args[0]);
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.writeString(file, write(new CatalogLoader().bundledMarkdown()), StandardCharsets.UTF_8);
    }

    static String write(Catalog catalog) {
        StringBuilder out = new StringBuilder(HEADER).append('\n');
        line(out, catalog.origin(), catalog.sha256());
        for (CatalogEntry e : catalog.entries()) {
            line(out, "E", e.id(), e.name(), e.section(), e.task(), e.part(), e.format(), e.count(), e.link(),
                    Integer.toString(e.line()));
            for (EntryLink link : e.links()) {
                line(out, "L", link.label(), link.url());
            }
        }
        for (CatalogProblem p : catalog.problems()) {
            line(out, "P", Integer.toString(p.line()), p.datasetId(), p.kind().name(), p.message(), p.suggestion(),
                    Boolean.toString(p.repaired()));
        }
        return out.toString();
    }

    static Catalog read(String text) {
        String[] lines = text.split("\n");
        if (lines.length < 2 || !lines[0].equals(HEADER)) {
            throw new IllegalStateException("not a precomputed catalog of this medfetch version");
        }
        String[] head = fields(lines[1]);
        List<CatalogEntry> entries = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        CatalogEntry pending = null;
        List<EntryLink> links = new ArrayList<>();
        for (int i = 2; i < lines.length; i++) {
            String[] f = fields(lines[i]);
            if (f[0].equals("L")) {
                links.add(new EntryLink(f[1], f[2]));
                continue;
            }
            if (pending != null) {
                entries.add(withLinks(pending, links));
                pending = null;
                links.clear();
            }
            if (f[0].equals("E")) {
                pending = new CatalogEntry(f[1], f[2], f[3], f[4], f[5], f[6], f[7], f[8], Integer.parseInt(f[9]));
            } else {
                problems.add(new CatalogProblem(Integer.parseInt(f[1]), f[2], CatalogProblem.Kind.valueOf(f[3]), f[4],
                        f[5], Boolean.parseBoolean(f[6])));
            }
        }
        if (pending != null) {
            entries.add(withLinks(pending, links));
        }
        return new Catalog(head[0], head[1], entries, problems);
    }

    private static CatalogEntry withLinks(CatalogEntry e, List<EntryLink> links) {
        return new CatalogEntry(e.id(), e.name(), e.section(), e.task(), e.part(), e.format(), e.count(), e.link(),
                e.line(), links);
    }

    private static void line(StringBuilder out, String... fields) {
        for (int i = 0; i < fields.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            escape(out, fields[i]);
        }
        out.append('\n');
    }

    private static void escape(StringBuilder out, String field) {
        if (field == null) {
            out.append(NULL);
            return;
        }
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                default -> out.append(c);
            }
        }
    }

    private static String[] fields(String line) {
        String[] raw = line.split("\t", -1);
        for (int i = 0; i < raw.length; i++) {
            raw[i] = unescape(raw[i]);
        }
        return raw;
    }

    private static String unescape(String field) {
        if (field.equals(NULL)) {
            return null;
        }
        if (field.indexOf('\\') < 0) {
            return field;
        }
        StringBuilder out = new StringBuilder(field.length());
        for (int i = 0; i < field.length(); i++) {
            char c = field.charAt(i);
            if (c != '\\' || i + 1 == field.length()) {
                out.append(c);
                continue;
            }
            char next = field.charAt(++i);
            out.append(switch (next) {
                case 't' -> '\t';
                case 'n' -> '\n';
                case 'r' -> '\r';
                default -> next;
            });
        }
        return out.toString();
    }
}
