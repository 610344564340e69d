package org.medfetch.resolve.mirrors;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.medfetch.resolve.Checksum;

/**
 * The mirror registry: a TSV mapping catalog datasets to other sources with checksums where known.
 * The bundled one is built from the project's mirrors.tsv with a "use" column added; {@code --mirrors
 * FILE} reads another in the same format ('#' lines are comments; without a "use" column every row
 * is taken as its source column says: LOW TRUST, UNVERIFIED, "may be dead" and Kaggle rows are never
 * used by themselves).
 */
public final class MirrorRegistry {

    private static final String BUNDLED = "/org/medfetch/mirrors/mirrors.tsv";
    private static final List<String> COLUMNS = List.of("catalog_dataset", "catalog_name", "kind", "url_or_id",
            "filename", "size_bytes", "checksum_algo", "checksum", "source_of_fact");

    private final List<Mirror> mirrors;

    private MirrorRegistry(List<Mirror> mirrors) {
        this.mirrors = List.copyOf(mirrors);
    }

    public static MirrorRegistry empty() {
        return new MirrorRegistry(List.of());
    }

    public static MirrorRegistry bundled() {
        try (InputStream in = MirrorRegistry.class.getResourceAsStream(BUNDLED)) {
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "bundled mirror registry");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("the bundled mirror registry cannot be read", e);
        }
    }

    /** Reads a registry file; a missing or malformed file is an IllegalArgumentException naming the line. */
    public static MirrorRegistry read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8), "mirror registry " + file);
        } catch (NoSuchFileException e) {
            throw new IllegalArgumentException("mirror registry " + file + " does not exist");
        } catch (IOException e) {
            throw new IllegalArgumentException("mirror registry " + file + " cannot be read: " + e.getMessage());
        }
    }

    static MirrorRegistry parse(String text, String origin) {
        List<Mirror> rows = new ArrayList<>();
        String[] lines = text.split("\r?\n");
        List<String> header = null;
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            List<String> cells = List.of(line.split("\t", -1));
            if (header == null) {
                header = cells;
                if (!header.subList(0, Math.min(header.size(), COLUMNS.size())).equals(COLUMNS)) {
                    throw new IllegalArgumentException(origin + ": line " + (i + 1) + " must be the header "
                            + String.join(" ", COLUMNS) + " [use]");
                }
                continue;
            }
            rows.add(row(cells, header.size() > COLUMNS.size(), origin, i + 1));
        }
        return new MirrorRegistry(rows);
    }

    private static Mirror row(List<String> c, boolean hasUse, String origin, int line) {
        if (c.size() < COLUMNS.size()) {
            throw new IllegalArgumentException(origin + ": line " + line + " has " + c.size() + " columns, not "
                    + COLUMNS.size());
        }
        try {
            Long size = c.get(5).isBlank() ? null : Long.parseLong(c.get(5).strip());
            Checksum checksum = c.get(7).isBlank() ? null : new Checksum(c.get(6), c.get(7).strip());
            Mirror.Use use = hasUse && c.size() > COLUMNS.size() && !c.get(9).isBlank() ? Mirror.Use.ofLabel(c.get(9))
                    : useFromSource(c.get(2), c.get(8));
            return new Mirror(c.get(0).strip(), c.get(1).strip(), c.get(2).strip().toLowerCase(Locale.ROOT),
                    c.get(3).strip(), c.get(4).strip(), size, checksum, c.get(8).strip(), use, line);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(origin + ": line " + line + ": " + e.getMessage());
        }
    }

    private static Mirror.Use useFromSource(String kind, String source) {
        String s = source.toLowerCase(Locale.ROOT);
        if (kind.equalsIgnoreCase("kaggle")) {
            return Mirror.Use.ACCOUNT;
        }
        return s.contains("low trust") || s.contains("unverified") || s.contains("may be dead")
                ? Mirror.Use.LOW_TRUST : Mirror.Use.PRIMARY;
    }

    /** The rows of one catalog dataset (by its exact name), in registry order. */
    public List<Mirror> forDataset(String name) {
        return mirrors.stream().filter(m -> m.dataset().equals(name)).toList();
    }

    public List<Mirror> all() {
        return mirrors;
    }
}
