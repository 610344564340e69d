package org.medfetch.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.medfetch.engine.SafePath;
import org.medfetch.engine.TransferException;

/**
 * Where each file a person names for adoption goes in the dataset's folder, worked out (and every
 * path checked) before anything is touched. A file keeps its name; a folder keeps its name and layout,
 * like {@code cp -r}; a file already inside the dataset's folder stays where it is.
 */
final class AdoptPlan {

    /** @param source absolute; @param target absolute, inside the dataset's folder */
    record Move(Path source, Path target, String relative) {
        boolean inPlace() {
            return source.equals(target);
        }
    }

    private AdoptPlan() {
    }

    static List<Move> of(Path root, Path datasetDir, List<Path> paths) {
        Path folder = datasetDir.toAbsolutePath().normalize();
        Map<Path, Move> byTarget = new LinkedHashMap<>();
        for (Path given : paths) {
            Path source = given.toAbsolutePath().normalize();
            if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
                throw new UsageException(given + " does not exist");
            }
            if (!Files.exists(source)) {
                throw new UsageException(given + " is a symbolic link to nothing");
            }
            List<Path> files = Files.isDirectory(source) ? walk(given, source) : List.of(source);
            if (files.isEmpty()) {
                throw new UsageException("no files in " + given);
            }
            Path base = source.startsWith(folder) ? folder : source.getParent();
            if (base == null) {
                throw new UsageException("cannot adopt the root folder " + given);
            }
            for (Path file : files) {
                Move move = move(root, folder, base, file);
                Move clash = byTarget.putIfAbsent(move.target(), move);
                if (clash != null && !clash.source().equals(move.source())) {
                    throw new UsageException(clash.source() + " and " + move.source() + " would both become "
                            + move.relative() + "; adopt them one at a time or rename one");
                }
            }
        }
        return List.copyOf(byTarget.values());
    }

    private static Move move(Path root, Path folder, Path base, Path file) {
        if (file.startsWith(folder) && Files.isSymbolicLink(file)) {
            throw new UsageException(file + " is a symbolic link inside the dataset's folder; adopt the file it points to");
        }
        String relative = base.relativize(file).toString().replace('\\', '/');
        try {
            Path target = SafePath.resolve(folder, relative);
            return new Move(file, target, root.toAbsolutePath().normalize().relativize(target).toString().replace('\\', '/'));
        } catch (TransferException e) {
            throw new UsageException("cannot adopt " + file + ": " + e.getMessage());
        }
    }

    /** The files below a folder; medfetch's own partial downloads and sidecars are not data. */
    private static List<Path> walk(Path given, Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).filter(p -> !DatasetFolder.ownFile(p)).sorted().toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot list " + given + ": " + e.getMessage(), e);
        }
    }
}
