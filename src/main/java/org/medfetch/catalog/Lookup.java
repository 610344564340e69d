package org.medfetch.catalog;

import java.util.List;

/** The answer to "which dataset did the user mean?". */
public sealed interface Lookup {

    record Found(CatalogEntry entry) implements Lookup {
    }

    record NotFound(String query, List<String> closest) implements Lookup {
    }

    record Ambiguous(String query, List<String> candidates) implements Lookup {
    }
}
