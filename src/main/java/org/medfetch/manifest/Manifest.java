package org.medfetch.manifest;

import java.time.Instant;
import java.util.List;

/**
 * What a project uses, exactly: the datasets queued for it and every file with its SHA-256, as written
 * to {@code manifests/<project>.json} so that another machine can fetch and verify the same bytes.
 * Nothing in it is a credential or an absolute path of the machine that wrote it.
 *
 * @param format          version of the manifest format ({@link #FORMAT} when written by this medfetch)
 * @param medfetchVersion the medfetch that wrote it
 */
public record Manifest(int format, String project, Instant writtenAt, String medfetchVersion, CatalogRef catalog,
                       List<Dataset> datasets) {

    /** The format this medfetch writes and the newest it reads; a change to the format adds one. */
    public static final int FORMAT = 3;

    public Manifest {
        datasets = List.copyOf(datasets);
    }

    /**
     * @param origin "bundled", or the catalog file relative to the workspace (its file name alone when it
     *               lies outside the workspace)
     */
    public record CatalogRef(String origin, String sha256) {
    }

    /** @param kind "catalog", "mirror" or "url"; @param link the link or mirror the files came from */
    public record SourceRef(String kind, String link) {
    }

    /** What a person must do, for datasets medfetch cannot fetch (or notes for those it can). */
    public record Steps(String summary, List<String> steps) {
        public Steps {
            steps = List.copyOf(steps);
        }
    }

    /**
     * One dataset queued for the project.
     *
     * @param section      the catalog section, or null for a dataset not in the catalog
     * @param link         the catalog link (or the URL the user gave)
     * @param linkClass    http, api, torrent, git, manual
     * @param license      license or terms of use
     * @param state        where it stood when written: done, queued, manual, failed, ...
     * @param selection    the --files glob it was added with, or null for all files
     * @param instructions steps for a person, or null
     */
    public record Dataset(String id, String name, String section, String link, String resolver, String linkClass,
                          SourceRef source, String doi, String license, String citation, String landingPage,
                          String state, String selection, Steps instructions, List<Torrent> torrents,
                          List<FileEntry> files) {

        public Dataset {
            torrents = List.copyOf(torrents);
            files = List.copyOf(files);
        }

        /** Nothing medfetch can fetch: a person brings the files ({@code medfetch adopt}). */
        public boolean manual() {
            return torrents.isEmpty() && files.stream().noneMatch(f -> f.kind().equals(FileEntry.HTTP));
        }
    }

    /**
     * @param url      magnet link, .torrent URL, or a local .torrent file's name or workspace-relative path
     * @param infoHash hex info-hash once known, else null
     * @param path     where the torrent's data goes, relative to the workspace
     * @param webSeeds the web seeds (BEP 19) that sent verified pieces, without their queries (format 3 on)
     */
    public record Torrent(String url, String infoHash, String path, String state, List<String> webSeeds) {

        public Torrent {
            webSeeds = List.copyOf(webSeeds);
        }

        public Torrent(String url, String infoHash, String path, String state) {
            this(url, infoHash, path, state, List.of());
        }
    }

    /**
     * One file of a dataset.
     *
     * @param path      relative to the workspace, '/'-separated: downloads/&lt;dataset&gt;/...
     * @param kind      {@link #HTTP}, {@link #TORRENT} (a selected file of one of the dataset's torrents)
     *                  or {@link #ADOPTED} (brought in by a person)
     * @param url       where an HTTP file comes from, the torrent's url for a torrent file, null when adopted
     * @param sha256    lower-case hex once the file was complete, else null
     * @param checksums published checksums as "algo:hex"
     * @param auth       name of the credentials its requests need (never the secret), or null
     * @param extraction what unpacking the file wrote, or null when it was not unpacked (format 2 on)
     */
    public record FileEntry(String path, String kind, String url, Long size, String sha256, List<String> checksums,
                            String auth, String state, Extraction extraction) {

        public static final String HTTP = "http";
        public static final String TORRENT = "torrent";
        public static final String ADOPTED = "adopted";

        public FileEntry {
            checksums = List.copyOf(checksums);
        }

        public FileEntry(String path, String kind, String url, Long size, String sha256, List<String> checksums,
                         String auth, String state) {
            this(path, kind, url, size, sha256, checksums, auth, state, null);
        }
    }

    /**
     * An archive that was unpacked beside itself.
     *
     * @param folder         where its contents are, relative to the workspace (a single .gz's file)
     * @param entries        entries of the archive
     * @param size           bytes unpacked
     * @param archiveRemoved the archive was deleted after unpacking (--remove-archive)
     * @param files          every unpacked file with its SHA-256 (--hash-extracted), or null when not hashed
     */
    public record Extraction(String folder, int entries, long size, boolean archiveRemoved, List<ExtractedFile> files) {

        public Extraction {
            files = files == null ? null : List.copyOf(files);
        }
    }

    /** @param path relative to the workspace */
    public record ExtractedFile(String path, long size, String sha256) {
    }
}
