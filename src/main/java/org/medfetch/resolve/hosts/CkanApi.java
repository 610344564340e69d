package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * CKAN's action API as medfetch reads it: {@code package_show} answers {@code {"success": true, "result":
 * {...}}}, and an error {@code {"success": false, "error": {"__type", "message"}}}.
 *
 * <p>Fields: https://docs.ckan.org/en/latest/api/index.html (ckan.logic.action.get.package_show) and
 * https://docs.ckan.org/en/latest/maintaining/datastore.html; a demo.ckan.org answer recorded in
 * Amsterdam/dcatd (see the fixtures' README).
 */
final class CkanApi {

    private CkanApi() {
    }

    record Answer(Boolean success, Package result, Error error) {
    }

    record Error(@JsonProperty("__type") String type, String message) {
    }

    record Package(String name, String title, String notes, @JsonProperty("license_title") String licenseTitle,
                   String author, String version, @JsonProperty("metadata_created") String created,
                   Boolean isopen, List<Resource> resources) {
    }

    /**
     * A resource: an uploaded file ({@code url_type: upload}), a DataStore table ({@code datastore}, its url a
     * CSV dump), or a link to anything on the web.
     */
    record Resource(String id, String name, String url, String format, Long size, String hash,
                    @JsonProperty("url_type") String urlType, String state) {
    }
}
