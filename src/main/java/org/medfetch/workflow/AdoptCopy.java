package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;

/**
 * Puts a file to adopt in its place in the dataset's folder: a hard link when the file system allows
 * it (no second copy of a large dataset), else a copy. It goes in under a temporary name and is moved
 * into place whole, and nothing is ever written to the original.
 */
final class AdoptCopy {

    private AdoptCopy() {
    }

    /**
     * @param sourceSha256 the SHA-256 of the source, to tell an identical file already in place
     * @param replaceable  an existing target with other content may be replaced (it was adopted before)
     */
    static AdoptFiles.How bring(AdoptPlan.Move move, String sourceSha256, boolean replaceable) throws AdoptFiles.Refused {
        if (move.inPlace()) {
            return AdoptFiles.How.IN_PLACE;
        }
        Path target = move.target();
        try {
            if (Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
                if (!Files.isRegularFile(target, LinkOption.NOFOLLOW_LINKS)) {
                    throw new AdoptFiles.Refused("is already there and is not a regular file; move it away first");
                }
                if (Files.isSameFile(target, move.source()) || VerifyFiles.sha256(target).equals(sourceSha256)) {
                    return AdoptFiles.How.IN_PLACE;
                }
                if (!replaceable) {
                    throw new AdoptFiles.Refused("is already there with other content than " + move.source()
                            + "; move one of them away first");
                }
            }
            Files.createDirectories(target.getParent());
            Path temp = target.resolveSibling(target.getFileName() + ".adopt.part");
            Files.deleteIfExists(temp);
            AdoptFiles.How how;
            try {
                // link(2) does not follow a link named as its source, and the source has no link in it
                Files.createLink(temp, move.source());
                how = AdoptFiles.How.LINKED;
            } catch (IOException | UnsupportedOperationException crossDevice) {
                Files.copy(move.source(), temp, StandardCopyOption.REPLACE_EXISTING, LinkOption.NOFOLLOW_LINKS);
                how = AdoptFiles.How.COPIED;
            }
            if (!broughtIn(temp, move, how)) {
                Files.deleteIfExists(temp);
                throw new AdoptFiles.Refused("changed while it was brought in (it is now a link, or another file); "
                        + "adopt it again");
            }
            try {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            return how;
        } catch (IOException e) {
            throw new AdoptFiles.Refused("cannot bring it in from " + move.source() + ": " + e.getMessage());
        }
    }

    /** A regular file, and for a link the very file that was planned: never what a swapped-in link points to. */
    private static boolean broughtIn(Path temp, AdoptPlan.Move move, AdoptFiles.How how) throws IOException {
        BasicFileAttributes attributes = Files.readAttributes(temp, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
        return attributes.isRegularFile()
                && (how != AdoptFiles.How.LINKED || attributes.fileKey() == null
                    || attributes.fileKey().equals(move.fileKey()));
    }
}
