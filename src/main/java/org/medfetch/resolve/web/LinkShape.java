package org.medfetch.resolve.web;

import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a link's shape alone says about it, offline: a data file (its last segment has an extension
 * that data comes in), a web page (a page extension, or a version-like last segment such as
 * {@code /versions/1.0.0}), or nothing certain (then {@code add} probes it).
 */
public final class LinkShape {

    /** Extensions of files that hold data or archives of it; lower case, without the dot. */
    private static final Set<String> DATA = Set.of("zip", "tar", "gz", "tgz", "bz2", "tbz2", "xz", "txz", "zst", "7z",
            "rar", "npz", "npy", "nii", "mgz", "mnc", "dcm", "dicom", "nrrd", "nhdr", "mha", "mhd", "raw", "img", "hdr",
            "h5", "hdf5", "hdf", "mat", "pkl", "pickle", "pt", "pth", "ckpt", "csv", "tsv", "json", "jsonl", "parquet",
            "xlsx", "xls", "txt", "pdf", "png", "jpg", "jpeg", "bmp", "gif", "tif", "tiff", "svs", "ndpi", "mrxs",
            "scn", "vsi", "czi", "edf", "bdf", "fif", "vtk", "vtp", "stl", "obj", "ply", "mp4", "avi", "mov", "wav",
            "xml", "torrent", "iso", "bin", "dat", "lmdb", "tfrecord", "arrow", "feather", "db", "sqlite");
    /** Extensions of pages a server renders. */
    private static final Set<String> PAGE = Set.of("html", "htm", "xhtml", "shtml", "php", "cgi", "jsf", "jsp", "asp",
            "aspx");
    /** A last segment that is a version number, not a file name: 1.0, v2.1.3, 1.0.0-rc1. */
    private static final Pattern VERSION = Pattern.compile("v?\\d+(\\.\\d+)+([-+][A-Za-z0-9.]+)?");

    private LinkShape() {
    }

    /** The last path segment, or "" for a link ending in '/'. */
    public static String fileName(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        List<String> segments = Arrays.stream(path.split("/")).filter(s -> !s.isEmpty()).toList();
        return segments.isEmpty() || path.endsWith("/") ? "" : segments.get(segments.size() - 1);
    }

    /** The last segment ends in an extension data comes in ({@code .zip}, {@code .nii.gz}, {@code .csv}, ...). */
    public static boolean isDataFile(URI link) {
        String name = fileName(link);
        return !VERSION.matcher(name).matches() && DATA.contains(extension(name));
    }

    /**
     * The link is a page by its shape: a page extension, a version-like last segment, or a landing page
     * (a DOI no host resolver claimed, which resolves to its publisher's page; Dryad's
     * {@code /stash/dataset/doi:...}).
     */
    public static boolean isPage(URI link) {
        String name = fileName(link);
        String host = link.getHost() == null ? "" : link.getHost().toLowerCase(Locale.ROOT);
        String path = link.getPath() == null ? "" : link.getPath();
        return PAGE.contains(extension(name)) || VERSION.matcher(name).matches() || host.equals("doi.org")
                || host.equals("dx.doi.org") || path.contains("/stash/dataset/");
    }

    private static String extension(String name) {
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
    }
}
