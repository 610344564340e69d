package org.medfetch.catalog;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** Which lines with links gave an entry or a link of one, and why the others did not. */
final class Coverage {

    private final Map<Integer, String> skipped = new TreeMap<>();
    private final Set<Integer> used = new HashSet<>();

    void used(Line line) {
        used.add(line.number());
    }

    void used(int line) {
        used.add(line);
    }

    /** A line whose links went nowhere; only lines with a usable link that shows text are reported. */
    void skipped(Line line, String reason) {
        if (line.firstTextual() != null) {
            skipped.putIfAbsent(line.number(), reason);
        }
    }

    /** A line whose only links are web addresses without http(s):// ({@code [Data](example.org/data)}). */
    void schemeless(Line line) {
        line.links().stream().filter(l -> !l.image() && Urls.schemeless(l.url())).findFirst().ifPresent(l ->
                skipped.putIfAbsent(line.number(), "the link '" + l.url() + "' has no http:// or https://"));
    }

    List<CatalogProblem> problems() {
        List<CatalogProblem> problems = new ArrayList<>();
        for (Map.Entry<Integer, String> skip : skipped.entrySet()) {
            if (!used.contains(skip.getKey())) {
                problems.add(new CatalogProblem(skip.getKey(), null, CatalogProblem.Kind.SKIPPED_LINE, skip.getValue(),
                        "if it is a dataset, write it as a list item (- [Name](https://…)) or a table row", false));
            }
        }
        return problems;
    }
}
