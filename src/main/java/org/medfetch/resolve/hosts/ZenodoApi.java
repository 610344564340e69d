package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Zenodo's records API as medfetch reads it. Older records name files {@code filename}/{@code filesize}
 * instead of {@code key}/{@code size}; both are accepted, as zenodo_get does.
 *
 * <p>Shapes: dvolgyes/zenodo_get zenodo_get/metadata/fetch_record_metadata.py, file_download/file_details.py.
 */
final class ZenodoApi {

    private ZenodoApi() {
    }

    record Record(String doi, Metadata metadata, List<File> files, Links links) {
    }

    record Metadata(String title, String doi, License license, @JsonProperty("access_right") String accessRight,
                    List<Creator> creators, @JsonProperty("publication_date") String publicationDate, String version) {
    }

    /** Zenodo gives {@code {"id": "cc-by-4.0"}}; older records also a title. */
    record License(String id, String title) {
    }

    record Creator(String name) {
    }

    /** The answer of {@code /api/records/N/files}. */
    record Entries(List<File> entries) {
    }

    record File(String key, String filename, Long size, Long filesize, String checksum, FileLinks links) {

        String name() {
            return key != null ? key : filename;
        }

        Long bytes() {
            return size != null ? size : filesize;
        }
    }

    /** {@code self} in a record's files list, {@code content} in the /files listing. */
    record FileLinks(String self, String content, String download) {
    }

    record Links(String html) {
    }
}
