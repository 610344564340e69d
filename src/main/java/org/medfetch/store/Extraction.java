package org.medfetch.store;

import java.time.Instant;
import java.util.List;

/**
 * What unpacking one finished archive wrote.
 *
 * @param folder         where it went, relative to the workspace ('/'-separated); a single .gz's file
 * @param entries        entries of the archive, folders and skipped ones included
 * @param size           bytes written
 * @param hashed         whether each file's SHA-256 was recorded
 * @param archiveRemoved the archive was deleted afterwards (--remove-archive): its record stays done
 * @param notes          what was skipped, one per line, or null
 * @param files          the files written, paths relative to the workspace
 */
public record Extraction(String folder, int entries, long size, boolean hashed, boolean archiveRemoved, String notes,
                         Instant extractedAt, List<File> files) {

    public Extraction {
        files = List.copyOf(files);
    }

    /** @param sha256 lower-case hex, or null when not hashed */
    public record File(String path, long size, String sha256) {
    }
}
