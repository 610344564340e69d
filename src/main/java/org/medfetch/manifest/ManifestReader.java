package org.medfetch.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads a manifest and checks it is what medfetch writes, since people edit and merge these files by
 * hand: every key known and present, every value of the right kind, every path inside its dataset's
 * folder. The first problem is reported with where it is; nothing is half-read.
 */
public final class ManifestReader {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    public Manifest read(String text) throws ManifestException {
        JsonNode tree;
        try {
            tree = JSON.readTree(text);
        } catch (JacksonException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr();
            throw new ManifestException("not valid JSON" + where + ": " + e.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode()) {
            throw new ManifestException("the manifest is empty");
        }
        ManifestNode root = ManifestNode.root(tree).keys(Set.of("format", "project", "written_at", "medfetch_version",
                "catalog", "datasets"));
        int format = root.integer("format");
        if (format > Manifest.FORMAT) {
            throw root.problem("format", "manifest format " + format + " is newer than this medfetch understands ("
                    + Manifest.FORMAT + "); use a newer medfetch");
        }
        if (format < 1) {
            throw root.problem("format", "must be 1 or more, not " + format);
        }
        ManifestNode catalog = root.object("catalog", false).keys(Set.of("origin", "sha256"));
        Manifest.CatalogRef catalogRef = new Manifest.CatalogRef(catalog.text("origin", false),
                catalog.text("sha256", false, DatasetReader.SHA256, "64 lower-case hex digits"));
        List<Manifest.Dataset> datasets = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        Set<String> paths = new HashSet<>();
        for (ManifestNode d : root.objects("datasets")) {
            Manifest.Dataset dataset = DatasetReader.read(d, format);
            if (!ids.add(dataset.id())) {
                throw d.problem("id", "dataset '" + dataset.id() + "' is listed twice");
            }
            for (Manifest.FileEntry f : dataset.files()) {
                if (!paths.add(f.path())) {
                    throw d.problem("files", "'" + f.path() + "' is listed twice");
                }
            }
            datasets.add(dataset);
        }
        return new Manifest(format, root.text("project", false), instant(root), root.text("medfetch_version", false),
                catalogRef, datasets);
    }

    private static Instant instant(ManifestNode root) throws ManifestException {
        String text = root.text("written_at", false);
        try {
            return Instant.parse(text);
        } catch (DateTimeParseException e) {
            throw root.problem("written_at", "'" + text + "' is not an ISO-8601 UTC time such as 2025-03-01T12:00:00Z");
        }
    }
}
