package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.List;

/**
 * Dryad's API v2 (HAL) as medfetch reads it: a dataset, whose {@code stash:version} link is its latest
 * version, and that version's files, paged by {@code _links.next}. Links are relative to the site.
 * {@code digestType} is "md5" or "sha-256"; files of older versions have no digest.
 *
 * <p>Shapes: datadryad/dryad-app public/openapi.yml and documentation/apis/sample_dataset_output.json.
 */
final class DryadApi {

    private DryadApi() {
    }

    record Dataset(String identifier, String title, List<Author> authors, String license, Integer versionNumber,
                   String publicationDate, String curationStatus, String embargoEndDate,
                   @JsonProperty("_links") Links links) {
    }

    record Author(String firstName, String lastName) {

        String name() {
            return lastName == null ? firstName : firstName == null ? lastName : lastName + ", " + firstName;
        }
    }

    record Links(@JsonProperty("stash:version") Link version, @JsonProperty("stash:download") Link download,
                 Link next) {
    }

    record Link(String href) {
    }

    record Files(@JsonProperty("_embedded") Embedded embedded, @JsonProperty("_links") Links links) {
    }

    record Embedded(@JsonProperty("stash:files") List<File> files) {
    }

    record File(String path, Long size, String digest, String digestType, String status,
                @JsonProperty("_links") FileLinks links) {
    }

    record FileLinks(@JsonProperty("stash:download") Link download, @JsonProperty("stash:file-download") Link fileDownload) {
    }

    /** The OAuth2 client-credentials answer. */
    record Token(@JsonProperty("access_token") String accessToken, @JsonProperty("expires_in") Long expiresIn) {
    }
}
