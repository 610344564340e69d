package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Mendeley Data's public API as medfetch reads it: a dataset version with its files (size, SHA-256 and
 * a signed, expiring download URL) and, for datasets with folders, the folder tree.
 *
 * <p>Shapes: Mendeley Data public API notes in the project's shared hosts-beyond-seed.md (section 4);
 * no complete recorded answer is public.
 */
final class MendeleyApi {

    private MendeleyApi() {
    }

    record Dataset(String id, String name, Integer version, Doi doi, @JsonProperty("data_licence") Licence licence,
                   @JsonProperty("publish_date") String publishDate, List<File> files) {
    }

    record Doi(String id) {
    }

    record Licence(@JsonProperty("short_name") String shortName, @JsonProperty("full_name") String fullName) {
    }

    record File(String id, String filename, String status, @JsonProperty("folder_id") String folderId,
                @JsonProperty("content_details") Content content) {
    }

    /** @param downloadUrl signed and expiring: resolved again before every attempt, never stored */
    record Content(Long size, @JsonProperty("sha256_hash") String sha256, @JsonProperty("download_url") String downloadUrl) {
    }

    record Folder(String id, String name, @JsonProperty("parent_id") String parentId) {
    }
}
