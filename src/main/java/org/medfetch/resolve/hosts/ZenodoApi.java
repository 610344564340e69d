package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.io.IOException;
import java.util.List;

/**
 * Zenodo's records API as medfetch reads it, which is InvenioRDM's with Zenodo's additions. Older records
 * name files {@code filename}/{@code filesize} instead of {@code key}/{@code size}; both are accepted, as
 * zenodo_get does. Zenodo lists a record's files in the record; other InvenioRDM installations answer
 * {@code "files": {"enabled": true}} there and list them at {@code /files}.
 *
 * <p>Shapes: dvolgyes/zenodo_get zenodo_get/metadata/fetch_record_metadata.py, file_download/file_details.py;
 * inveniosoftware/docs-invenio-rdm docs/reference/rest_api_drafts_records.md ("Get a record").
 */
final class ZenodoApi {

    private ZenodoApi() {
    }

    record Record(String doi, Metadata metadata, @JsonDeserialize(using = ListedFiles.class) List<File> files,
                  Links links, Access access) {

        /** "restricted", "embargoed" or "closed" when the files are not open to everyone, else null. */
        String closedFiles() {
            String right = metadata == null ? null : metadata.accessRight();
            if (right != null && !right.equals("open")) {
                return right;
            }
            if (access != null && access.files() != null && !access.files().equals("public")) {
                return access.embargo() != null && Boolean.TRUE.equals(access.embargo().active()) ? "embargoed"
                        : access.files();
            }
            return null;
        }

        /** When an embargo ends, if the record says. */
        String embargoUntil() {
            if (metadata != null && metadata.embargoDate() != null) {
                return metadata.embargoDate();
            }
            return access == null || access.embargo() == null ? null : access.embargo().until();
        }
    }

    /** A record's files: Zenodo's list, or null for InvenioRDM's {@code {"enabled": true}} (listed at /files). */
    static final class ListedFiles extends JsonDeserializer<List<File>> {
        @Override
        public List<File> deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (parser.currentToken() == JsonToken.START_ARRAY) {
                return context.readValue(parser, context.getTypeFactory().constructCollectionType(List.class, File.class));
            }
            parser.skipChildren();
            return null;
        }
    }

    /** Zenodo's legacy serializer: access_right open | embargoed | restricted | closed, with embargo_date. */
    record Metadata(String title, String doi, License license, @JsonProperty("access_right") String accessRight,
                    @JsonProperty("embargo_date") String embargoDate,
                    List<Creator> creators, @JsonProperty("publication_date") String publicationDate, String version) {
    }

    /** InvenioRDM's access block: record and files public | restricted, and an embargo. */
    record Access(String record, String files, Embargo embargo) {
    }

    record Embargo(Boolean active, String until, String reason) {
    }

    /** Zenodo gives {@code {"id": "cc-by-4.0"}}; older records also a title. */
    record License(String id, String title) {
    }

    /** Zenodo's {@code name}, or InvenioRDM's {@code person_or_org.name}. */
    record Creator(String name, @JsonProperty("person_or_org") PersonOrOrg personOrOrg) {

        String fullName() {
            return name != null ? name : personOrOrg == null ? null : personOrOrg.name();
        }
    }

    record PersonOrOrg(String name) {
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

    /**
     * The bytes are {@code self} in a record's files list, {@code content} in the /files listing (where
     * {@code self} is the entry's metadata), {@code download} in records answered in October 2023.
     */
    record FileLinks(String self, String content, String download) {
    }

    /** The record's page: {@code html} before October 2023, {@code self_html} since. */
    record Links(@JsonAlias("self_html") String html) {
    }
}
