package org.medfetch.workflow;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;

/** References as BibTeX, CSL-JSON or RIS, each with the dataset's license where a reader sees it. */
public enum CitationFormat {
    BIBTEX, CSL_JSON, RIS;

    private static final String UNKNOWN = "unknown";

    public static CitationFormat of(String name) {
        for (CitationFormat f : values()) {
            if (f.name().replace('_', '-').equalsIgnoreCase(name)) {
                return f;
            }
        }
        throw new UsageException("--format is bibtex, csl-json or ris, not '" + name + "'");
    }

    public String write(List<Reference> references) {
        return switch (this) {
            case BIBTEX -> String.join("\n", references.stream().map(CitationFormat::bibtex).toList());
            case CSL_JSON -> csl(references);
            case RIS -> String.join("", references.stream().map(CitationFormat::ris).toList());
        };
    }

    // ---- BibTeX: the license and the origin as '%' comments, which BibTeX ignores -------------------

    private static String bibtex(Reference r) {
        StringBuilder out = new StringBuilder();
        out.append("% ").append(r.key()).append(": ").append(r.origin()).append('\n');
        out.append("% license: ").append(r.license() == null ? UNKNOWN + " (check the dataset's terms)" : r.license())
                .append('\n');
        out.append('@').append(switch (r.kind()) {
            case ARTICLE -> "article";
            case CONFERENCE_PAPER -> "inproceedings";
            default -> "misc";
        }).append('{')
                .append(r.key().replaceAll("[^A-Za-z0-9_:.-]", "_")).append(",\n");
        if (!r.authors().isEmpty()) {
            field(out, "author", String.join(" and ", r.authors().stream().map(CitationFormat::braced).toList()));
        }
        field(out, "title", "{" + text(r.title()) + "}");
        field(out, switch (r.kind()) {
            case ARTICLE -> "journal";
            case CONFERENCE_PAPER -> "booktitle";
            default -> "howpublished";
        }, text(r.container()));
        field(out, "year", r.year());
        field(out, "volume", r.volume());
        field(out, "number", r.issue());
        field(out, "pages", r.pages());
        field(out, "publisher", text(r.publisher()));
        field(out, "version", text(r.version()));
        field(out, "doi", plain(r.doi()));
        field(out, "url", plain(r.url()));
        if (r.kind() == Reference.Kind.DATASET) {
            field(out, "note", "Dataset");
        }
        out.setLength(out.length() - 2);
        return out.append("\n}\n").toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        if (value != null && !value.isBlank()) {
            out.append("  ").append(name).append(" = {").append(value).append("},\n");
        }
    }

    /** "others" is BibTeX's et al.; a name is kept as written, braces guarding nothing but itself. */
    private static String braced(String author) {
        if (Reference.etAl(author)) {
            return "others";
        }
        String[] fg = Reference.familyGiven(author);
        return fg[1].isEmpty() ? "{" + text(fg[0]) + "}" : text(fg[0]) + ", " + text(fg[1]);
    }

    /** Text for a braced BibTeX value: LaTeX's special characters escaped, stray braces dropped. */
    private static String text(String value) {
        if (value == null) {
            return null;
        }
        return value.replace("\\", "").replace("{", "").replace("}", "").replaceAll("([%&$#_])", "\\\\$1");
    }

    /** DOIs and URLs go verbatim (biblatex reads them so); only braces could unbalance the entry. */
    private static String plain(String value) {
        return value == null ? null : value.replace("{", "%7B").replace("}", "%7D");
    }

    /** "License: ..." as a note says it (CSL-JSON and RIS). */
    private static String license(Reference r) {
        return "License: " + (r.license() == null ? UNKNOWN : r.license());
    }

    // ---- CSL-JSON: the license as the item's note -------------------------------------------------

    private static String csl(List<Reference> references) {
        ArrayNode items = JsonNodeFactory.instance.arrayNode();
        for (Reference r : references) {
            ObjectNode item = items.addObject();
            item.put("id", r.key());
            item.put("type", switch (r.kind()) {
                case DATASET -> "dataset";
                case ARTICLE -> "article-journal";
                case CONFERENCE_PAPER -> "paper-conference";
                case PREPRINT -> "article";
                case UNKNOWN -> "webpage";
            });
            item.put("title", r.title());
            ArrayNode authors = item.putArray("author");
            for (String a : r.authors()) {
                if (!Reference.etAl(a)) {
                    String[] fg = Reference.familyGiven(a);
                    ObjectNode name = authors.addObject();
                    if (fg[1].isEmpty()) {
                        name.put("literal", fg[0]);
                    } else {
                        name.put("family", fg[0]).put("given", fg[1]);
                    }
                }
            }
            if (r.year() != null) {
                item.putObject("issued").putArray("date-parts").addArray().add(Integer.parseInt(r.year()));
            }
            putIf(item, "container-title", r.container());
            putIf(item, "volume", r.volume());
            putIf(item, "issue", r.issue());
            putIf(item, "page", r.pages() == null ? null : r.pages().replace("--", "-"));
            putIf(item, "publisher", r.publisher());
            putIf(item, "version", r.version());
            putIf(item, "DOI", r.doi());
            putIf(item, "URL", r.url());
            item.put("note", license(r) + ". From " + r.origin());
        }
        return items.toPrettyString() + "\n";
    }

    private static void putIf(ObjectNode item, String key, String value) {
        if (value != null) {
            item.put(key, value);
        }
    }

    // ---- RIS: the license as a note (N1) ---------------------------------------------------------

    private static String ris(Reference r) {
        List<String> lines = new ArrayList<>();
        lines.add(tag("TY", switch (r.kind()) {
            case DATASET -> "DATA";
            case ARTICLE -> "JOUR";
            case CONFERENCE_PAPER -> "CONF";
            case PREPRINT -> "UNPB";
            case UNKNOWN -> "ELEC";
        }));
        lines.add(tag("ID", r.key()));
        r.authors().stream().filter(a -> !Reference.etAl(a)).forEach(a -> {
            String[] fg = Reference.familyGiven(a);
            lines.add(tag("AU", fg[1].isEmpty() ? fg[0] : fg[0] + ", " + fg[1]));
        });
        lines.add(tag("TI", r.title()));
        addIf(lines, "PY", r.year());
        // RIS names a journal in JO and any other container (proceedings, preprint server) in T2.
        addIf(lines, r.kind() == Reference.Kind.ARTICLE ? "JO" : "T2", r.container());
        addIf(lines, "VL", r.volume());
        addIf(lines, "IS", r.issue());
        if (r.pages() != null) {
            String[] range = r.pages().split("-+");
            lines.add(tag("SP", range[0]));
            if (range.length > 1) {
                lines.add(tag("EP", range[1]));
            }
        }
        addIf(lines, "PB", r.publisher());
        addIf(lines, "ET", r.version());
        addIf(lines, "DO", r.doi());
        addIf(lines, "UR", r.url());
        lines.add(tag("N1", license(r)));
        lines.add(tag("N1", "From " + r.origin()));
        lines.add("ER  - ");
        return String.join("\n", lines) + "\n\n";
    }

    private static void addIf(List<String> lines, String tag, String value) {
        if (value != null) {
            lines.add(tag(tag, value));
        }
    }

    /** A RIS line: two-letter tag, two spaces, hyphen, space, value on one line. */
    private static String tag(String tag, String value) {
        return tag + "  - " + value.replaceAll("\\s*[\\r\\n]+\\s*", " ");
    }
}
