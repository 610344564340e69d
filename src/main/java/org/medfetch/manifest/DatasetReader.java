package org.medfetch.manifest;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/** Reads and checks one dataset of a manifest: its fields, torrents and files. */
final class DatasetReader {

    static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern CHECKSUM =
            Pattern.compile("md5:[0-9a-f]{32}|sha1:[0-9a-f]{40}|sha256:[0-9a-f]{64}|sha512:[0-9a-f]{128}");
    private static final Pattern INFO_HASH = Pattern.compile("[0-9a-f]{40}");
    /** A folder name under downloads/: no separators, no leading dot, no control characters. */
    private static final Pattern DATASET_ID = Pattern.compile("[^/\\\\.\\p{Cntrl}][^/\\\\\\p{Cntrl}]*");
    private static final Pattern STATE =
            Pattern.compile("queued|running|verifying|paused|done|retrying|failed|manual|cancelled");
    private static final Pattern SOURCE_KIND = Pattern.compile("catalog|mirror|url");
    private static final Pattern FILE_KIND = Pattern.compile("http|torrent|adopted");
    private static final Pattern HTTP_URL = Pattern.compile("(?i)https?://[^\\s/?#]+\\S*");
    private static final String STATES = "a medfetch state (queued, done, manual, failed, ...)";

    private DatasetReader() {
    }

    /** @param format the manifest's format: 1 has no extraction records */
    static Manifest.Dataset read(ManifestNode d, int format) throws ManifestException {
        d.keys(Set.of("id", "name", "section", "link", "resolver", "class", "source", "doi", "license", "citation",
                "landing_page", "state", "selection", "instructions", "torrents", "files"));
        String id = d.text("id", false, DATASET_ID, "a folder name (no '/', '\\' or leading '.')");
        ManifestNode source = d.object("source", false).keys(Set.of("kind", "link"));
        Manifest.SourceRef sourceRef = new Manifest.SourceRef(source.text("kind", false, SOURCE_KIND,
                "catalog, mirror or url"), source.text("link", true));
        ManifestNode steps = d.object("instructions", true);
        Manifest.Steps instructions = null;
        if (steps != null) {
            steps.keys(Set.of("summary", "steps"));
            instructions = new Manifest.Steps(steps.text("summary", false), steps.strings("steps"));
        }
        List<Manifest.Torrent> torrents = new ArrayList<>();
        Set<String> torrentUrls = new HashSet<>();
        for (ManifestNode t : d.objects("torrents")) {
            t.keys(format >= 3 ? Set.of("url", "info_hash", "path", "state", "web_seeds")
                    : Set.of("url", "info_hash", "path", "state"));
            Manifest.Torrent torrent = new Manifest.Torrent(t.text("url", false),
                    t.text("info_hash", true, INFO_HASH, "40 lower-case hex digits"), path(t, id),
                    t.text("state", false, STATE, STATES), format >= 3 ? t.strings("web_seeds") : List.of());
            torrents.add(torrent);
            torrentUrls.add(torrent.url());
        }
        List<Manifest.FileEntry> files = new ArrayList<>();
        for (ManifestNode f : d.objects("files")) {
            files.add(file(f, id, torrentUrls, format));
        }
        return new Manifest.Dataset(id, d.text("name", false), d.text("section", true), d.text("link", true),
                d.text("resolver", true), d.text("class", true), sourceRef, d.text("doi", true), d.text("license", true),
                d.text("citation", true), d.text("landing_page", true), d.text("state", false, STATE, STATES),
                d.text("selection", true), instructions, torrents, files);
    }

    private static Manifest.FileEntry file(ManifestNode f, String id, Set<String> torrentUrls, int format)
            throws ManifestException {
        Set<String> keys = new HashSet<>(Set.of("path", "kind", "url", "size", "sha256", "checksums", "auth", "state"));
        if (format >= 2) {
            keys.add("extraction");
        }
        f.keys(keys);
        String kind = f.text("kind", false, FILE_KIND, "http, torrent or adopted");
        String url;
        if (kind.equals(Manifest.FileEntry.HTTP)) {
            url = f.text("url", false, HTTP_URL, "an http(s) URL");
        } else if (kind.equals(Manifest.FileEntry.TORRENT)) {
            url = f.text("url", false);
            if (!torrentUrls.contains(url)) {
                throw f.problem("url", "names no torrent of this dataset (the url of an entry in its torrents)");
            }
        } else {
            url = f.text("url", true);
        }
        String sha256 = f.text("sha256", true, SHA256, "64 lower-case hex digits");
        if (kind.equals(Manifest.FileEntry.ADOPTED) && sha256 == null) {
            throw f.problem("sha256", "an adopted file is recorded with its SHA-256");
        }
        List<String> checksums = f.strings("checksums");
        for (int i = 0; i < checksums.size(); i++) {
            if (!CHECKSUM.matcher(checksums.get(i)).matches()) {
                throw f.problem("checksums[" + i + "]", "'" + checksums.get(i)
                        + "' is not ALGO:HEX (md5, sha1, sha256 or sha512, lower-case hex of the right length)");
            }
        }
        return new Manifest.FileEntry(path(f, id), kind, url, f.count("size"), sha256, checksums, f.text("auth", true),
                f.text("state", false, STATE, STATES), format >= 2 ? extraction(f.object("extraction", true), id) : null);
    }

    private static Manifest.Extraction extraction(ManifestNode x, String id) throws ManifestException {
        if (x == null) {
            return null;
        }
        x.keys(Set.of("folder", "entries", "size", "archive_removed", "files"));
        List<Manifest.ExtractedFile> files = null;
        if (!x.isNull("files")) {
            files = new ArrayList<>();
            for (ManifestNode ef : x.objects("files")) {
                ef.keys(Set.of("path", "size", "sha256"));
                Long size = ef.count("size");
                if (size == null) {
                    throw ef.problem("size", "must not be null");
                }
                files.add(new Manifest.ExtractedFile(path(ef, id), size, ef.text("sha256", false, SHA256,
                        "64 lower-case hex digits")));
            }
        }
        Long size = x.count("size");
        if (size == null) {
            throw x.problem("size", "must not be null");
        }
        return new Manifest.Extraction(path(x, id, "folder"), x.integer("entries"), size, x.bool("archive_removed"), files);
    }

    /** A path must name something inside downloads/&lt;id&gt;/, without any way to climb out of it. */
    private static String path(ManifestNode node, String id) throws ManifestException {
        return path(node, id, "path");
    }

    private static String path(ManifestNode node, String id, String key) throws ManifestException {
        String path = node.text(key, false);
        String prefix = "downloads/" + id + "/";
        if (!path.startsWith(prefix) || path.length() == prefix.length()) {
            throw node.problem(key, "'" + path + "' is not inside " + prefix);
        }
        for (String part : path.substring(prefix.length()).split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..") || part.contains("\\")
                    || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
                throw node.problem(key, "'" + path + "' must be a plain relative path ('/'-separated, no empty, '.' "
                        + "or '..' parts, no '\\' or control characters)");
            }
        }
        return path;
    }
}
