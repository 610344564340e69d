package org.medfetch.workflow;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A DOI's own record, as its registration agency sends it through content negotiation, read into a
 * {@link Reference} (its key, license and origin left for the caller). CSL-JSON is read first: names
 * come split into family and given, the year as a number, the kind as a type. BibTeX is what every
 * agency serves and is read when CSL-JSON is not.
 */
final class DoiRecord {

    static final String CSL_JSON = "application/vnd.citationstyles.csl+json";
    static final String BIBTEX = "application/x-bibtex";

    private static final ObjectMapper JSON = new ObjectMapper();

    private DoiRecord() {
    }

    /** @throws IllegalArgumentException when the text is not a CSL-JSON item with a title */
    static Reference fromCsl(String text) {
        JsonNode item;
        try {
            item = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not JSON", e);
        }
        if (item != null && item.isArray() && item.size() == 1) {
            item = item.get(0);
        }
        if (item == null || !item.isObject() || first(item.get("title")) == null) {
            throw new IllegalArgumentException("not a CSL-JSON item with a title");
        }
        List<String> authors = new ArrayList<>();
        for (JsonNode a : item.path("author")) {
            String family = a.path("family").asText("");
            String literal = first(a.get("literal")) != null ? first(a.get("literal")) : a.path("name").asText("");
            String name = family.isBlank() ? literal : a.hasNonNull("given") ? family + ", " + a.get("given").asText()
                    : family;
            if (!name.isBlank()) {
                authors.add(name.strip());
            }
        }
        String container = first(item.get("container-title"));
        return reference(kind(item.path("type").asText(""), container != null), first(item.get("title")), authors,
                year(item), container, first(item.get("volume")), first(item.get("issue")),
                pages(first(item.get("page"))), first(item.get("publisher")), first(item.get("version")),
                first(item.get("DOI")), first(item.get("URL")));
    }

    /** @throws IllegalArgumentException when the text holds no BibTeX entry with a title */
    static Reference fromBibtex(String text) {
        BibtexEntry entry = BibtexEntry.read(text);
        Map<String, String> f = entry.fields();
        if (f.get("title") == null) {
            throw new IllegalArgumentException("no BibTeX entry with a title");
        }
        List<String> authors = f.get("author") == null ? List.of()
                : List.of(f.get("author").split("\\s+and\\s+"));
        String type = switch (entry.type()) {
            case "article" -> "article-journal";
            case "inproceedings", "conference" -> "paper-conference";
            case "misc", "dataset", "data", "software", "online" -> "dataset";
            default -> "";
        };
        String container = f.get("journal") != null ? f.get("journal") : f.get("booktitle");
        String year = f.get("year") != null && f.get("year").matches("\\d{4}") ? f.get("year") : null;
        return reference(kind(type, container != null), f.get("title"), authors, year, container, f.get("volume"),
                f.get("number"), pages(f.get("pages")), f.get("publisher"), f.get("version"), f.get("doi"), f.get("url"));
    }

    private static Reference reference(Reference.Kind kind, String title, List<String> authors, String year,
                                       String container, String volume, String issue, String pages, String publisher,
                                       String version, String doi, String url) {
        return new Reference(null, kind, title, authors, year, container, volume, issue, pages, publisher, version, doi,
                url, null, null);
    }

    /** CSL types, and Crossref's own names for them, as the kinds a citation is written as. */
    private static Reference.Kind kind(String type, boolean inContainer) {
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "dataset" -> Reference.Kind.DATASET;
            case "article-journal", "journal-article" -> Reference.Kind.ARTICLE;
            case "paper-conference", "proceedings-article" -> Reference.Kind.CONFERENCE_PAPER;
            case "article", "posted-content" -> Reference.Kind.PREPRINT;
            default -> inContainer ? Reference.Kind.ARTICLE : Reference.Kind.DATASET;
        };
    }

    /** The first year among the record's dates, issued first. */
    private static String year(JsonNode item) {
        for (String date : List.of("issued", "published-print", "published-online", "published")) {
            JsonNode part = item.path(date).path("date-parts").path(0).path(0);
            if (part.canConvertToInt() || part.isTextual() && part.asText().matches("\\d{4}")) {
                return part.asText();
            }
        }
        return null;
    }

    /** A page range with BibTeX's double hyphen, whatever dash the record used. */
    private static String pages(String pages) {
        return pages == null ? null : pages.strip().replaceAll("\\s*[-\u2010-\u2015]+\\s*", "--");
    }

    /** A text value, or the first of a list of them (Crossref lists titles), or null. */
    private static String first(JsonNode node) {
        if (node != null && node.isArray()) {
            node = node.size() > 0 ? node.get(0) : null;
        }
        return node == null || node.isNull() || node.isContainerNode() || node.asText().isBlank() ? null
                : node.asText().strip();
    }
}
