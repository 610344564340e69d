package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;

/**
 * What may be adopted: regular files only, reached without following a link. A link is never followed
 * (a folder from elsewhere could hold {@code shadow -> /etc/shadow}); a FIFO, device or socket is never
 * read (reading one would block or never end); the workspace's own state (its database, manifests,
 * other datasets' folders, partial downloads) is never data. Every path is checked before anything is
 * touched, and again just before its file is brought in.
 */
final class AdoptSources {

    /** A file to adopt: its path with no link in it, and its identity when it was looked at. */
    record Found(Path path, Object fileKey) {
    }

    private final Path downloads;
    private final Path state;
    private final Path manifests;
    private final Path datasetFolder;

    /** @param datasetFolder the adopting dataset's folder, with no link in it where it exists */
    AdoptSources(Path root, Path datasetFolder) {
        Path realRoot = real(root);
        this.downloads = real(realRoot.resolve("downloads"));
        this.state = real(downloads.resolve(".medfetch"));
        this.manifests = real(realRoot.resolve("manifests"));
        this.datasetFolder = datasetFolder;
    }

    /**
     * The files a path the user named stands for: the file itself, or every file below a folder. The
     * folders leading to it are taken as the user typed them (links included); the named file or folder
     * itself, and everything below it, is not followed when it is a link.
     */
    List<Found> named(Path given) {
        Path source = located(given);
        if (!Files.exists(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new UsageException(given + " does not exist");
        }
        BasicFileAttributes attributes = attributes(source, given);
        String refusal = refusal(source, attributes);
        if (refusal != null) {
            throw new UsageException(given + " " + refusal);
        }
        if (attributes.isRegularFile()) {
            if (DatasetFolder.ownFile(source)) {
                throw new UsageException(given + " is a partial download or a file medfetch keeps for itself, not data");
            }
            return List.of(new Found(source, attributes.fileKey()));
        }
        List<Found> files = walk(given, source);
        if (files.isEmpty()) {
            throw new UsageException("no files in " + given);
        }
        return files;
    }

    /** Where a named path is: the folders leading to it with their links resolved, then its own name. */
    static Path located(Path given) {
        Path absolute = given.toAbsolutePath().normalize();
        if (absolute.getParent() == null) {
            throw new UsageException("cannot adopt the root folder " + given);
        }
        return real(absolute.getParent()).resolve(absolute.getFileName());
    }

    /** Whether a file found earlier is still the very same regular file, reached without a link. */
    static boolean unchanged(Found file) {
        try {
            BasicFileAttributes now = Files.readAttributes(file.path(), BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            return now.isRegularFile() && (file.fileKey() == null || file.fileKey().equals(now.fileKey()))
                    && file.path().toRealPath().equals(file.path());
        } catch (IOException e) {
            return false;
        }
    }

    /** Why a named path cannot be adopted, or null. */
    private String refusal(Path source, BasicFileAttributes attributes) {
        if (attributes.isSymbolicLink()) {
            return "is a symbolic link; medfetch follows no links when adopting: name the file it points to";
        }
        if (!attributes.isRegularFile() && !attributes.isDirectory()) {
            return "is not a regular file (a pipe, device or socket); only files and folders are adopted";
        }
        if (source.startsWith(state) || source.startsWith(manifests)) {
            return "is part of the workspace's own state, not data";
        }
        if (downloads.startsWith(source)) {
            return "holds the workspace's own state (" + downloads + "); name the files or folders to adopt";
        }
        if (source.startsWith(downloads) && !source.startsWith(datasetFolder)) {
            return "is in the folder of another dataset (" + downloads.relativize(source).getName(0)
                    + "); adopt it into that one, or move it out of downloads/ first";
        }
        return null;
    }

    /** Regular files below a folder; medfetch's own partial files are skipped, anything else is refused. */
    private List<Found> walk(Path given, Path folder) {
        List<Found> files = new ArrayList<>();
        List<String> refused = new ArrayList<>();
        try {
            // walkFileTree follows no links unless asked: a link is visited as a file, with its own attributes
            Files.walkFileTree(folder, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    if (attributes.isRegularFile()) {
                        if (!DatasetFolder.ownFile(file)) {
                            files.add(new Found(file, attributes.fileKey()));
                        }
                    } else {
                        refused.add(given.resolve(folder.relativize(file)) + " " + refusal(file, attributes));
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                    throw e;
                }
            });
        } catch (IOException e) {
            throw new UsageException("cannot list " + given + ": " + e.getMessage(), e);
        }
        if (!refused.isEmpty()) {
            throw new UsageException(refused.get(0) + (refused.size() == 1 ? ""
                    : " (and " + (refused.size() - 1) + " more like it)") + "; nothing was adopted");
        }
        files.sort((a, b) -> a.path().compareTo(b.path()));
        return files;
    }

    private static BasicFileAttributes attributes(Path source, Path given) {
        try {
            return Files.readAttributes(source, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
            throw new UsageException(given + " does not exist");
        } catch (IOException e) {
            throw new UsageException("cannot read " + given + ": " + e.getMessage(), e);
        }
    }

    /** The path with every link in it resolved, as far as it exists; the rest is appended as given. */
    static Path real(Path path) {
        Path absolute = path.toAbsolutePath().normalize();
        Path existing = absolute;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return absolute;
        }
        try {
            return existing.toRealPath().resolve(existing.relativize(absolute));
        } catch (IOException e) {
            return absolute;
        }
    }
}
