package org.medfetch.engine.http;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Source.HttpSource;
import org.medfetch.store.FileRecord;

/**
 * What the repository published about a file, from the source and from its stored record (where
 * {@code add --checksum} puts a user's checksum).
 *
 * @param size      bytes, or null when nobody said
 * @param checksums every published checksum; all must match
 */
record Expected(Long size, List<Checksum> checksums) {

    static Expected of(HttpSource source, FileRecord record) {
        Set<Checksum> all = new LinkedHashSet<>(source.checksums());
        if (record.checksums() != null) {
            for (String part : record.checksums().strip().split("\\s+")) {
                if (!part.isEmpty()) {
                    all.add(Checksum.parse(part));
                }
            }
        }
        Long size = source.size() != null ? source.size() : record.expectedSize();
        return new Expected(size, new ArrayList<>(all));
    }
}
