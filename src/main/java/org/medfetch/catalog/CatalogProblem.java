package org.medfetch.catalog;

/**
 * Something wrong with a catalog, found while reading it or while classifying its links.
 *
 * @param datasetId  the entry it concerns, or null for problems not tied to one entry
 * @param suggestion what a person could do about it
 * @param repaired   true when medfetch already applied the suggestion to the entry
 */
public record CatalogProblem(
        int line, String datasetId, Kind kind, String message, String suggestion, boolean repaired) {

    public enum Kind {
        NO_DATASETS("no-datasets"),
        SHIFTED_ROW("shifted-row"),
        SPLIT_CELL("split-cell"),
        MALFORMED_ROW("malformed-row"),
        MISSING_LINK("missing-link"),
        MALFORMED_LINK("malformed-link"),
        TRUNCATED_LINK("truncated-link"),
        DUPLICATE_DATASET("duplicate-dataset"),
        SHARED_LINK("shared-link"),
        SKIPPED_LINE("skipped-line");

        private final String label;

        Kind(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }
}
