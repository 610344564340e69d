package org.medfetch.resolve;

/**
 * What a host says about a dataset as a whole, for manifests and citations. Any field may be null.
 *
 * @param license license name or terms of use
 * @param citation a ready-to-paste citation
 */
public record DatasetInfo(String title, String doi, String license, String citation, String landingPage) {

    public static final DatasetInfo NONE = new DatasetInfo(null, null, null, null, null);
}
