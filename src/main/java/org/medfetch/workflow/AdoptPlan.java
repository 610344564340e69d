package org.medfetch.workflow;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfetch.engine.SafePath;
import org.medfetch.engine.TransferException;

/**
 * Where each file a person names for adoption goes in the dataset's folder, worked out (and every
 * path checked, see {@link AdoptSources}) before anything is touched. A file keeps its name; a folder
 * keeps its name and layout, like {@code cp -r}; a file already inside the dataset's folder stays where
 * it is.
 */
final class AdoptPlan {

    /**
     * @param source   absolute, with no link in it
     * @param target   absolute, inside the dataset's folder
     * @param relative the target relative to the workspace ('/'-separated)
     * @param fileKey  the source's identity when it was planned, to notice it being swapped meanwhile
     */
    record Move(Path source, Path target, String relative, Object fileKey) {
        boolean inPlace() {
            return source.equals(target);
        }

        /** Whether the source is still the regular file that was planned, reached without a link. */
        boolean sourceUnchanged() {
            return AdoptSources.unchanged(new AdoptSources.Found(source, fileKey));
        }
    }

    private AdoptPlan() {
    }

    static List<Move> of(Path root, Path datasetDir, List<Path> paths) {
        Path folder = AdoptSources.real(datasetDir);
        String prefix = "downloads/" + datasetDir.getFileName() + "/";
        AdoptSources sources = new AdoptSources(root, folder);
        Map<Path, Move> byTarget = new LinkedHashMap<>();
        for (Path given : paths) {
            List<AdoptSources.Found> files = sources.named(given);
            Path named = AdoptSources.located(given);
            Path base = named.startsWith(folder) ? folder : named.getParent();
            for (AdoptSources.Found file : files) {
                Move move = move(folder, prefix, base, file);
                Move clash = byTarget.putIfAbsent(move.target(), move);
                if (clash != null && !clash.source().equals(move.source())) {
                    throw new UsageException(clash.source() + " and " + move.source() + " would both become "
                            + move.relative() + "; adopt them one at a time or rename one");
                }
            }
        }
        return List.copyOf(byTarget.values());
    }

    private static Move move(Path folder, String prefix, Path base, AdoptSources.Found file) {
        String relative = base.relativize(file.path()).toString().replace('\\', '/');
        try {
            Path target = SafePath.resolve(folder, relative);
            return new Move(file.path(), target, prefix + folder.relativize(target).toString().replace('\\', '/'),
                    file.fileKey());
        } catch (TransferException e) {
            throw new UsageException("cannot adopt " + file.path() + ": " + e.getMessage());
        }
    }
}
