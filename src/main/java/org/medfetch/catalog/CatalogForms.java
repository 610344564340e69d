package org.medfetch.catalog;

import java.util.List;

/** The forms of catalog medfetch understands, and the last step every format shares. */
public final class CatalogForms {

    /** What a person can write, one short example each (shown when nothing could be read). */
    public static final List<String> UNDERSTOOD = List.of(
            "a table with a name column and a link column: | Dataset | Link |",
            "a table whose name cells are links: | [LiTS](https://…) | … |",
            "list items with a link: - [Name](https://…), - <a href=\"https://…\">Name</a>, - Name https://…",
            "headings that are links: ### [Name](https://…)",
            "a bold name with labelled links below it: **Name** then Access: https://…",
            "HTML tables: <table><tr><th>Dataset</th><th>Link</th></tr>…",
            "CSV or TSV with a header: name,link",
            "JSON Lines as 'medfetch catalog --json' prints them");

    private CatalogForms() {
    }

    /** Ids, repairs and checks for the rows a format read, and a problem when it read none. */
    static Catalog finish(CatalogText text, List<RawRow> rows, List<CatalogProblem> problems) {
        List<CatalogEntry> entries = new EntryBuilder(rows, problems).build();
        if (entries.isEmpty()) {
            problems.add(0, new CatalogProblem(1, null, CatalogProblem.Kind.NO_DATASETS,
                    "no datasets found in " + text.origin(),
                    "medfetch reads " + String.join("; ", UNDERSTOOD), false));
        }
        return new Catalog(text.origin(), text.sha256(), entries, problems);
    }
}
