package org.medfetch.workflow;

import java.nio.file.Path;
import java.util.List;

/** What medfetch itself keeps in a dataset's folder besides the data: partial downloads and sidecars. */
final class DatasetFolder {

    /** .part: an HTTP download, an adopted file or a manifest being written; .tcia: a TCIA collection's manifest for the NBIA Data Retriever. */
    private static final List<String> OWN_SUFFIXES = List.of(".part", ".tcia");

    private DatasetFolder() {
    }

    /** Whether a file in a dataset folder is medfetch's own rather than data of the dataset. */
    static boolean ownFile(Path file) {
        String name = file.getFileName().toString();
        return OWN_SUFFIXES.stream().anyMatch(name::endsWith);
    }
}
