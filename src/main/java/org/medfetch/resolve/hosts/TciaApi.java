package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The NBIA REST API (v4) as medfetch reads it. Some NBIA answers use display names ("File Size
 * (Bytes)", "Number of images") for the same fields; both are accepted, as tcia_utils maps them.
 *
 * <p>Fields: kirbyju/tcia_utils src/tcia_utils/nbia.py (getSeries and its column mapping); see hosts.md.
 */
final class TciaApi {

    private TciaApi() {
    }

    /** One element of {@code getCollectionValues}. */
    record Collection(@JsonProperty("Collection") String name) {
    }

    /** One element of {@code getSeries}. */
    record Series(@JsonProperty("SeriesInstanceUID") String uid,
                  @JsonProperty("Modality") String modality,
                  @JsonProperty("FileSize") @JsonAlias("File Size (Bytes)") Long fileSize,
                  @JsonProperty("ImageCount") @JsonAlias("Number of images") Long imageCount,
                  @JsonProperty("LicenseName") String licenseName,
                  @JsonProperty("LicenseURI") String licenseUri) {
    }
}
