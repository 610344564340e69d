package org.medfetch.resolve.hosts.openxlab;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * OpenXLab's sign-in and dataset APIs as the openxlab package calls them.
 *
 * <p>Sign-in: openxlab/xlab/clients/auth_client.py (POST auth {ak} → nonce, algorithm; POST getJwt {ak, d}
 * → jwt, expiration; both wrapped twice in {msgCode "10000", msg, data}). Datasets:
 * openxlab/dataset/client/api.py (get_dataset_files, download_check, get_dataset_download_urls).
 */
final class OpenXLabApi {

    private OpenXLabApi() {
    }

    /** The sign-in answers' wrapper: the outer and the inner level both carry msgCode "10000" on success. */
    record Envelope(String msgCode, String msg, JsonNode data) {
    }

    record Challenge(String nonce, String algorithm) {
    }

    record Token(String jwt, String expiration) {
    }

    /** GET /datasets/api/v2/datasets/{OWNER},{NAME}/r/main: {data:{list, hasNext, after, hasMediaFile, toast}}. */
    record Listing(Page data) {
    }

    record Page(List<Entry> list, Boolean hasNext, String after, Boolean hasMediaFile, String toast) {
    }

    record Entry(String path, Long size, String sha256, @JsonProperty("dataset_id") Long datasetId, String type) {

        /** Entries of folders, when the listing includes them (UNVERIFIED: their type name). */
        boolean isFolder() {
            return type != null && (type.equalsIgnoreCase("dir") || type.equalsIgnoreCase("folder")
                    || type.equalsIgnoreCase("tree"));
        }
    }
}
