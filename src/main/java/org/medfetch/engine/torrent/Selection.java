package org.medfetch.engine.torrent;

import bt.metainfo.Torrent;
import bt.metainfo.TorrentFile;
import bt.torrent.fileselector.FilePriority;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.medfetch.engine.SafePath;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * The files of one torrent, where bt will write each of them, and which ones the user selected. Every
 * path is checked before bt may write anything: a torrent names its own paths, and a hostile one could
 * otherwise climb out of the dataset folder.
 */
final class Selection {

    /**
     * @param relative where bt writes the file, relative to the dataset folder ('/'-separated)
     * @param path     the same, absolute
     */
    record Entry(TorrentFile file, String relative, Path path, boolean selected) {
        long size() {
            return file.getSize();
        }
    }

    /** Linux's limits on a file name and a path, in bytes (include/uapi/linux/limits.h: NAME_MAX, PATH_MAX). */
    private static final int NAME_MAX = 255;
    private static final int PATH_MAX = 4095;

    private final List<Entry> entries;
    private final Map<TorrentFile, Entry> byFile;
    private final Path datasetDir;
    private final BitSet pieces;

    private Selection(List<Entry> entries, Path datasetDir, BitSet pieces) {
        this.entries = List.copyOf(entries);
        this.byFile = new HashMap<>();
        entries.forEach(e -> byFile.put(e.file(), e));
        this.datasetDir = datasetDir;
        this.pieces = pieces;
    }

    /**
     * @param glob which files to fetch, or null for all: a glob without '/' matches file names anywhere
     *             in the torrent ({@code *.nii.gz}), one with '/' the whole path inside it ({@code sub/*})
     */
    static Selection of(Torrent torrent, String glob, Path datasetDir) throws TransferException {
        boolean multi = torrent.getFiles().size() > 1;
        String name = torrent.getName();
        if (name == null || name.isBlank()) {
            throw hostile("the torrent has no name");
        }
        String folder = multi ? checkedElement(name) + "/" : "";
        PathMatcher matcher = glob == null || glob.isBlank() ? null
                : FileSystems.getDefault().getPathMatcher("glob:" + glob.strip());
        boolean byName = glob != null && !glob.contains("/");
        List<Entry> entries = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Set<String> folders = new HashSet<>();
        BitSet pieces = new BitSet();
        long offset = 0;
        for (TorrentFile file : torrent.getFiles()) {
            List<String> elements = new ArrayList<>();
            for (String element : file.getPathElements()) {
                elements.add(checkedElement(element));
            }
            String inside = String.join("/", elements);
            String relative = folder + inside;
            SafePath.resolve(datasetDir, String.join("/", file.getPathElements()));
            Path path = SafePath.resolve(datasetDir, relative);
            if (!seen.add(relative)) {
                throw hostile("the torrent lists '" + relative + "' twice");
            }
            String clash = folderClash(relative, folder.length(), seen, folders);
            if (clash != null) {
                // bt cannot write both, and would retry writing the one it cannot for ever
                throw hostile("the torrent lists '" + clash + "' both as a file and as a folder");
            }
            if (path.toString().getBytes(StandardCharsets.UTF_8).length > PATH_MAX) {
                throw hostile("refusing file name '" + shortened(relative) + "': the path is longer than "
                        + PATH_MAX + " bytes");
            }
            boolean selected = matcher == null
                    || matcher.matches(Path.of(byName ? elements.get(elements.size() - 1) : inside));
            if (selected && file.getSize() > 0) {
                long chunk = torrent.getChunkSize();
                pieces.set((int) (offset / chunk), (int) ((offset + file.getSize() - 1) / chunk) + 1);
            }
            offset += file.getSize();
            entries.add(new Entry(file, relative, path, selected));
        }
        if (entries.stream().noneMatch(Entry::selected)) {
            throw new TransferException(Kind.BAD_INPUT, false, "no file of the torrent matches --files '" + glob + "'");
        }
        return new Selection(entries, datasetDir, pieces);
    }

    List<Entry> entries() {
        return entries;
    }

    List<Entry> selected() {
        return entries.stream().filter(Entry::selected).toList();
    }

    boolean skipsAny() {
        return entries.stream().anyMatch(e -> !e.selected());
    }

    long selectedSize() {
        return selected().stream().mapToLong(Entry::size).sum();
    }

    /** Pieces that hold any byte of a selected file: what bt fetches. */
    int piecesTotal() {
        return pieces.cardinality();
    }

    /** Whether the piece holds any byte of a selected file. */
    boolean wanted(int piece) {
        return pieces.get(piece);
    }

    Entry entry(TorrentFile file) {
        return byFile.get(file);
    }

    /** bt's file selector. */
    FilePriority priority(TorrentFile file) {
        Entry e = byFile.get(file);
        return e == null || e.selected() ? FilePriority.NORMAL_PRIORITY : FilePriority.SKIP;
    }

    /** Bytes of the selected files already on disk (sparse or not), to estimate a re-check. */
    long bytesOnDisk() {
        long total = 0;
        for (Entry e : selected()) {
            try {
                total += Files.isRegularFile(e.path()) ? Files.size(e.path()) : 0;
            } catch (IOException ignored) {
                // unreadable now: bt will say so
            }
        }
        return total;
    }

    /**
     * Deletes what bt wrote for skipped files (it creates them as full-size sparse files and fills the
     * pieces they share with selected ones), and the folders that leaves empty.
     */
    void removeSkipped() throws IOException {
        for (Entry e : entries) {
            if (!e.selected() && Files.deleteIfExists(e.path())) {
                for (Path dir = e.path().getParent(); dir != null && dir.startsWith(datasetDir)
                        && !dir.equals(datasetDir); dir = dir.getParent()) {
                    try {
                        Files.deleteIfExists(dir);
                    } catch (DirectoryNotEmptyException stillUsed) {
                        break;
                    }
                }
            }
        }
    }

    /**
     * A path that is a file of the torrent and a folder of another of its files, or null. Records the
     * folders of {@code relative} (those after the torrent's own folder, which ends at {@code from}).
     */
    private static String folderClash(String relative, int from, Set<String> files, Set<String> folders) {
        if (folders.contains(relative)) {
            return relative;
        }
        for (int slash = relative.indexOf('/', from); slash >= 0; slash = relative.indexOf('/', slash + 1)) {
            String parent = relative.substring(0, slash);
            if (files.contains(parent)) {
                return parent;
            }
            folders.add(parent);
        }
        return null;
    }

    /** The start of a long name, for a message. */
    private static String shortened(String name) {
        return name.length() <= 60 ? name : name.substring(0, 60) + "...";
    }

    /**
     * A path element as bt's FileSystemStorage writes it (trimmed, trailing dots and spaces dropped),
     * refused when it could name anything but one entry inside its folder.
     */
    private static String checkedElement(String element) throws TransferException {
        if (element == null || element.isBlank()) {
            throw hostile("the torrent has an empty file or folder name");
        }
        if (element.indexOf('/') >= 0 || element.indexOf('\\') >= 0) {
            throw hostile("refusing file name '" + element + "': it contains a path separator");
        }
        if (element.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            throw hostile("refusing file name '" + element + "': it contains control characters");
        }
        if (element.equals("..") || element.equals(".")) {
            throw hostile("refusing file name '" + element + "': it climbs out with '..'");
        }
        if (element.getBytes(StandardCharsets.UTF_8).length > NAME_MAX) {
            throw hostile("refusing file name '" + shortened(element) + "': it is longer than " + NAME_MAX + " bytes");
        }
        String trimmed = element.trim();
        int end = trimmed.length();
        while (end > 0 && (trimmed.charAt(end - 1) == '.' || trimmed.charAt(end - 1) == ' ')) {
            end--;
        }
        return end == 0 ? "_" : trimmed.substring(0, end);
    }

    private static TransferException hostile(String message) {
        return new TransferException(Kind.BAD_INPUT, false, message);
    }
}
