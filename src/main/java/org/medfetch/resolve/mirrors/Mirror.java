package org.medfetch.resolve.mirrors;

import org.medfetch.resolve.Checksum;

/**
 * One row of the mirror registry: another place a catalog dataset (or part of it) can be fetched from.
 *
 * @param dataset  the exact dataset name in the bundled catalog
 * @param label    a finer label (task, part, resolution)
 * @param kind     http, zenodo, figshare, dataverse, kaggle, tcia or torrent
 * @param urlOrId  a URL, a record id, a DOI, OWNER/NAME, Collection=NAME or an info-hash, per kind
 * @param filename the file name (or "A -> B" to store A as B; or a note in parentheses), or empty
 * @param size     bytes, or null
 * @param checksum published checksum, or null
 * @param source   where the fact was read (kept for every row)
 * @param line     line in the registry file
 */
public record Mirror(String dataset, String label, String kind, String urlOrId, String filename, Long size,
                     Checksum checksum, String source, Use use, int line) {

    /** How medfetch may use a row. */
    public enum Use {
        /** Verified and open: add uses it (all primary rows of a dataset together). */
        PRIMARY,
        /** Another open source of the same data, tried when the primary fails for good. */
        ALTERNATIVE,
        /** Needs an account (Kaggle): offered, never used by itself. */
        ACCOUNT,
        /** LOW TRUST, UNVERIFIED or possibly dead: offered, never used by itself. */
        LOW_TRUST;

        public String label() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        static Use ofLabel(String text) {
            return valueOf(text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        }
    }

    /** True for rows medfetch may use without asking (primary and alternative). */
    public boolean open() {
        return use == Use.PRIMARY || use == Use.ALTERNATIVE;
    }
}
