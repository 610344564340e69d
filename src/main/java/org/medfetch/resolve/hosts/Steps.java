package org.medfetch.resolve.hosts;

import org.medfetch.catalog.CatalogEntry;

/** Wording shared by the manual steps of several hosts, so every host says it the same way. */
public final class Steps {

    private Steps() {
    }

    /** The dataset's folder, relative to the workspace. */
    public static String folder(CatalogEntry entry) {
        return "downloads/" + entry.id() + "/";
    }

    public static String putFilesIn(CatalogEntry entry) {
        return "Put the downloaded files in " + folder(entry) + " (inside your medfetch workspace)";
    }

    public static String adopt(CatalogEntry entry) {
        return "Record them, so medfetch hashes them and counts the dataset as done: medfetch adopt "
                + entry.id() + " " + folder(entry);
    }
}
