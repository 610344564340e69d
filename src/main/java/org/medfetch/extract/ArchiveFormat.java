package org.medfetch.extract;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The archive formats medfetch unpacks, recognised by file name. Data formats that happen to be
 * compressed (a NIfTI volume as {@code .nii.gz}, NumPy's {@code .npz}, HDF5) are not archives: tools
 * read them as they are, so they are never unpacked.
 */
public enum ArchiveFormat {
    ZIP(".zip"), TAR(".tar"), TAR_GZ(".tar.gz", ".tgz"), TAR_BZ2(".tar.bz2", ".tbz2", ".tbz"), TAR_XZ(".tar.xz", ".txz"),
    GZ(".gz"), SEVEN_Z(".7z");

    /** What a file name says about unpacking it. */
    public sealed interface Verdict {
    }

    /** @param folder the folder name the contents go to: the archive's name without its extension */
    public record Archive(ArchiveFormat format, String folder) implements Verdict {
    }

    /** Not an archive, or a data format that stays as it is. */
    public record Keep(String why) implements Verdict {
    }

    /** An archive medfetch will not unpack (split, RAR), with what to do instead. */
    public record Unsupported(String why) implements Verdict {
    }

    private static final List<String> DATA = List.of(".nii.gz", ".dcm.gz", ".mgz", ".npz", ".npy.gz", ".h5", ".hdf5");
    /** Volumes of a split archive: name.zip.001, name.z01, name.7z.001, name.tar.gz.aa. */
    private static final Pattern SPLIT = Pattern.compile(".*(\\.(zip|7z|tar|tgz|gz|bz2|xz)\\.(\\d{3}|a[a-z])|\\.z\\d{2})$");
    private static final Pattern RAR = Pattern.compile(".*(\\.rar|\\.r\\d{2})$");

    private final List<String> suffixes;

    ArchiveFormat(String... suffixes) {
        this.suffixes = List.of(suffixes);
    }

    public static Verdict of(String fileName) {
        String lower = fileName.toLowerCase(Locale.ROOT);
        for (String data : DATA) {
            if (lower.endsWith(data)) {
                return new Keep(data + " is a data format, read as it is");
            }
        }
        if (RAR.matcher(lower).matches()) {
            return new Unsupported("RAR archives are not unpacked (their format is proprietary); use unrar or 7z");
        }
        if (SPLIT.matcher(lower).matches()) {
            return new Unsupported("it is one volume of a split archive: join the volumes and unpack the result yourself "
                    + "(7z x name.7z.001, or cat name.zip.001 name.zip.002 ... > name.zip)");
        }
        Optional<ArchiveFormat> best = Optional.empty();
        int longest = 0;
        for (ArchiveFormat f : values()) {
            for (String suffix : f.suffixes) {
                if (lower.endsWith(suffix) && suffix.length() > longest && lower.length() > suffix.length()) {
                    best = Optional.of(f);
                    longest = suffix.length();
                }
            }
        }
        if (best.isEmpty()) {
            return new Keep("not an archive");
        }
        return new Archive(best.get(), fileName.substring(0, fileName.length() - longest));
    }
}
