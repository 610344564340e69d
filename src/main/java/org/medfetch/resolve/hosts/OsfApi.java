package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * OSF's API v2 (JSON:API) as medfetch reads a storage listing: items of kind "file" or "folder", their
 * path inside the provider, size and hashes, and the {@code links.next} of a paged listing.
 *
 * <p>Shapes: ropensci/osfr tests/testthat/cassettes (recorded answers of api.test.osf.io);
 * osfclient/osfclient osfclient/models/file.py.
 */
final class OsfApi {

    private OsfApi() {
    }

    record Page(List<Item> data, PageLinks links) {
    }

    record PageLinks(String next) {
    }

    /** @param links download (osf.io/download/ID/, public files) and upload (the WaterButler URL of the file) */
    record Item(String id, Attributes attributes, ItemLinks links) {
    }

    record Attributes(String name, String kind, String path, Long size,
                      @JsonProperty("materialized_path") String materializedPath, Extra extra) {
    }

    record Extra(Hashes hashes) {
    }

    record Hashes(String md5, String sha256) {
    }

    record ItemLinks(String download, String upload, String html) {
    }
}
