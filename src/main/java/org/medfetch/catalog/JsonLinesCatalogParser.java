package org.medfetch.catalog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads JSON Lines in the shape {@code medfetch catalog --json} prints, so that a catalog can be
 * exported, edited and read back: the entry fields (id, name, link, links, section, task, part, format,
 * count) are read; derived fields (class, resolver, host, mirror, line, ...) are ignored. Pure.
 */
final class JsonLinesCatalogParser {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final List<ColumnRole> ROLES = List.of(ColumnRole.NAME, ColumnRole.TASK, ColumnRole.PART,
            ColumnRole.FORMAT, ColumnRole.COUNT, ColumnRole.LINK);

    Catalog parse(CatalogText catalog) {
        List<RawRow> rows = new ArrayList<>();
        List<CatalogProblem> problems = new ArrayList<>();
        String[] lines = catalog.text().split("\r\n|\r|\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            try {
                JsonNode node = JSON.readTree(line);
                if (node == null || !node.isObject()) {
                    throw new IllegalArgumentException("not a JSON object");
                }
                rows.add(row(node, i + 1));
            } catch (JsonProcessingException | IllegalArgumentException e) {
                problems.add(new CatalogProblem(i + 1, null, CatalogProblem.Kind.MALFORMED_ROW,
                        "line " + (i + 1) + " is not a JSON object",
                        "write one object per line, as 'medfetch catalog --json' prints them", false));
            }
        }
        return CatalogForms.finish(catalog, rows, problems);
    }

    private static RawRow row(JsonNode node, int line) {
        String link = text(node, "link");
        List<String> cells = new ArrayList<>();
        for (String field : List.of("name", "task", "part", "format", "count")) {
            String value = text(node, field);
            cells.add(value == null ? "" : value);
        }
        cells.add(link == null ? "" : link);
        List<EntryLink> links = new ArrayList<>();
        for (JsonNode l : node.path("links")) {
            String url = l.isTextual() ? l.asText() : text(l, "url");
            if (url != null && !url.isBlank()) {
                links.add(new EntryLink(l.isObject() ? text(l, "label") : null, url.strip()));
            }
        }
        return new RawRow(line, text(node, "section"), ROLES, cells, link, link == null ? "" : link, ROLES.size(),
                links, text(node, "id"));
    }

    /** A field as text: strings as they are, numbers as written, null and absent as null. */
    private static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.isContainerNode()) {
            return null;
        }
        String text = value.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
