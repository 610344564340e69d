package org.medfetch.manifest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Comparator;
import java.util.List;

/**
 * Writes a manifest as JSON that diffs well in git: keys in a fixed order, every key present (null
 * when unknown, so a value appearing is a one-line change), datasets by id, files by path, one value
 * per line, two-space indent, '\n' line ends and a trailing newline.
 */
public final class ManifestWriter {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    public String write(Manifest manifest) {
        ObjectNode root = NODES.objectNode();
        root.put("format", manifest.format());
        root.put("project", manifest.project());
        root.put("written_at", manifest.writtenAt().toString());
        root.put("medfetch_version", manifest.medfetchVersion());
        ObjectNode catalog = root.putObject("catalog");
        catalog.put("origin", manifest.catalog().origin());
        catalog.put("sha256", manifest.catalog().sha256());
        ArrayNode datasets = root.putArray("datasets");
        manifest.datasets().stream().sorted(Comparator.comparing(Manifest.Dataset::id))
                .forEach(d -> dataset(datasets.addObject(), d, manifest.format()));
        return PrettyJson.print(root);
    }

    private static void dataset(ObjectNode node, Manifest.Dataset d, int format) {
        node.put("id", d.id());
        node.put("name", d.name());
        node.put("section", d.section());
        node.put("link", d.link());
        node.put("resolver", d.resolver());
        node.put("class", d.linkClass());
        ObjectNode source = node.putObject("source");
        source.put("kind", d.source().kind());
        source.put("link", d.source().link());
        node.put("doi", d.doi());
        node.put("license", d.license());
        node.put("citation", d.citation());
        node.put("landing_page", d.landingPage());
        node.put("state", d.state());
        node.put("selection", d.selection());
        if (d.instructions() == null) {
            node.putNull("instructions");
        } else {
            ObjectNode steps = node.putObject("instructions");
            steps.put("summary", d.instructions().summary());
            strings(steps.putArray("steps"), d.instructions().steps());
        }
        ArrayNode torrents = node.putArray("torrents");
        d.torrents().stream().sorted(Comparator.comparing(Manifest.Torrent::path)).forEach(t -> {
            ObjectNode o = torrents.addObject();
            o.put("url", t.url());
            o.put("info_hash", t.infoHash());
            o.put("path", t.path());
            o.put("state", t.state());
            if (format >= 3) {
                strings(o.putArray("web_seeds"), t.webSeeds());
            }
        });
        ArrayNode files = node.putArray("files");
        d.files().stream().sorted(Comparator.comparing(Manifest.FileEntry::path)).forEach(f -> file(files.addObject(), f, format));
    }

    /** Format 1 (read, and written again by tests) has no extraction key. */
    private static void file(ObjectNode o, Manifest.FileEntry f, int format) {
        o.put("path", f.path());
        o.put("kind", f.kind());
        o.put("url", f.url());
        o.put("size", f.size());
        o.put("sha256", f.sha256());
        strings(o.putArray("checksums"), f.checksums());
        o.put("auth", f.auth());
        o.put("state", f.state());
        Manifest.Extraction e = f.extraction();
        if (format < 2) {
            return;
        }
        if (e == null) {
            o.putNull("extraction");
            return;
        }
        ObjectNode x = o.putObject("extraction");
        x.put("folder", e.folder());
        x.put("entries", e.entries());
        x.put("size", e.size());
        x.put("archive_removed", e.archiveRemoved());
        if (e.files() == null) {
            x.putNull("files");
            return;
        }
        ArrayNode files = x.putArray("files");
        e.files().stream().sorted(Comparator.comparing(Manifest.ExtractedFile::path)).forEach(ef -> {
            ObjectNode n = files.addObject();
            n.put("path", ef.path());
            n.put("size", ef.size());
            n.put("sha256", ef.sha256());
        });
    }

    private static void strings(ArrayNode array, List<String> values) {
        values.forEach(array::add);
    }
}
