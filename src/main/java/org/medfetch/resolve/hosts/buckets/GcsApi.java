package org.medfetch.resolve.hosts.buckets;

import java.util.List;

/**
 * The Cloud Storage JSON API's objects.list answer as medfetch reads it: sizes are strings, md5Hash and
 * crc32c are base64 (composite objects have no md5Hash); an empty listing has no "items" at all.
 *
 * <p>Shape: https://cloud.google.com/storage/docs/json_api/v1/objects/list (Response body)
 */
final class GcsApi {

    private GcsApi() {
    }

    record Objects(List<Item> items, String nextPageToken) {
    }

    record Item(String name, String size, String md5Hash, String crc32c) {
    }
}
