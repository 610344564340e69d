package org.medfetch.extract;

import java.util.List;

/**
 * What an extraction wrote.
 *
 * @param entries every entry of the archive, including folders and skipped ones
 * @param bytes   bytes written (the regular files' sizes added up)
 * @param files   the regular files, links and folders aside, relative to the target folder
 * @param notes   what was skipped and why (device files, FIFOs)
 */
public record Extracted(int entries, long bytes, List<ExtractedFile> files, List<String> notes) {

    public Extracted {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /** @param sha256 lower-case hex, or null when not asked for */
    public record ExtractedFile(String path, long size, String sha256) {
    }
}
