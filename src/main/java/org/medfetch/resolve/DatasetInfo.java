package org.medfetch.resolve;

import java.util.List;

/**
 * What a host says about a dataset as a whole, for manifests and citations. Any field may be null.
 *
 * @param license   license name or terms of use
 * @param citation  a ready-to-paste citation
 * @param authors   creators as the host names them ("Family, Given" or "Given Family"), in order
 * @param year      year of publication
 * @param version   the version of the record, as the host numbers it
 * @param publisher who publishes it (the repository: Zenodo, figshare, Harvard Dataverse)
 */
public record DatasetInfo(String title, String doi, String license, String citation, String landingPage,
                          List<String> authors, String year, String version, String publisher) {

    public static final DatasetInfo NONE = new DatasetInfo(null, null, null, null, null);

    public DatasetInfo {
        authors = authors == null ? List.of() : List.copyOf(authors);
    }

    public DatasetInfo(String title, String doi, String license, String citation, String landingPage) {
        this(title, doi, license, citation, landingPage, List.of(), null, null, null);
    }

    /** The first four characters of an ISO date, or null. */
    public static String yearOf(String date) {
        return date != null && date.length() >= 4 && date.substring(0, 4).chars().allMatch(Character::isDigit)
                ? date.substring(0, 4) : null;
    }
}
