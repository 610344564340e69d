package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The Dataverse native API as medfetch reads it: a dataset version's file list and the dataset itself
 * (title, license, terms).
 *
 * <p>Shapes: IQSS/dataverse doc/sphinx-guides/source/api/native-api.rst ("List Files in a Dataset",
 * "Get JSON Representation of a Dataset") and dataaccess.rst; see hosts.md.
 */
final class DataverseApi {

    private DataverseApi() {
    }

    /** {@code {status, data:[...]}} from {@code versions/:latest/files}. */
    record Files(String status, List<FileEntry> data) {
    }

    /** {@code {status, data:{...}}} from {@code /api/files/:persistentId} or {@code /api/files/{id}}. */
    record File(String status, FileEntry data) {
    }

    record FileEntry(String label, String directoryLabel, Boolean restricted, DataFile dataFile) {

        boolean isRestricted() {
            return Boolean.TRUE.equals(restricted);
        }

        /**
         * The day the file's embargo ends, while it has not ended on {@code today}; else null. An
         * embargoed file cannot be downloaded, and no access request opens it (Dataverse 5.8 release
         * notes, "Support for Data Embargoes"); on that day it opens to everyone.
         */
        String embargoedUntil(LocalDate today) {
            String until = dataFile == null || dataFile.embargo() == null ? null : dataFile.embargo().dateAvailable();
            if (until == null) {
                return null;
            }
            try {
                return LocalDate.parse(until).isAfter(today) ? until : null;
            } catch (DateTimeParseException e) {
                return until;
            }
        }
    }

    /**
     * For a tabular file Dataverse ingested, {@code originalFileName}/{@code originalFileSize} and the
     * checksum describe the file as uploaded, which {@code ?format=original} returns.
     */
    record DataFile(Long id, String filename, Long filesize, Checksum checksum, String md5, String originalFileName,
                    Long originalFileSize, Embargo embargo) {
    }

    /** A file's embargo: {@code {"dateAvailable": "2099-09-05", "reason": "..."}}. */
    record Embargo(String dateAvailable, String reason) {
    }

    record Checksum(String type, String value) {
    }

    /** {@code {status, data:{...}}} from {@code /api/datasets/:persistentId/}; {@code data} kept as a tree. */
    record Dataset(String status, JsonNode data) {
    }

    record Version(License license, String termsOfUse, MetadataBlocks metadataBlocks) {
    }

    record License(String name, String uri) {
    }

    record MetadataBlocks(Block citation) {
    }

    record Block(List<Field> fields) {
    }

    record Field(String typeName, JsonNode value) {
    }
}
