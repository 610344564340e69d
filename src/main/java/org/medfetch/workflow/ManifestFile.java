package org.medfetch.workflow;

import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.medfetch.manifest.Manifest;
import org.medfetch.manifest.ManifestException;
import org.medfetch.manifest.ManifestReader;

/** Manifest files on disk: read with one clear error for whatever is wrong, written whole or not at all. */
final class ManifestFile {

    /** A manifest lists files, not file contents; anything this large is the wrong file. */
    private static final long MAX_BYTES = 256L * 1024 * 1024;

    private ManifestFile() {
    }

    static Manifest read(Path file) {
        try {
            if (Files.isDirectory(file)) {
                throw new UsageException("manifest " + file + " is a folder, not a manifest file");
            }
            if (Files.size(file) > MAX_BYTES) {
                throw new UsageException("manifest " + file + " is larger than 256 MiB; is it the right file?");
            }
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(java.nio.ByteBuffer.wrap(Files.readAllBytes(file))).toString();
            return new ManifestReader().read(text);
        } catch (NoSuchFileException e) {
            throw new UsageException("manifest " + file + " does not exist");
        } catch (CharacterCodingException e) {
            throw new UsageException("manifest " + file + " is not UTF-8 text");
        } catch (IOException e) {
            throw new UsageException("manifest " + file + " cannot be read: " + e.getMessage(), e);
        } catch (ManifestException e) {
            throw new UsageException("manifest " + file + ": " + e.getMessage(), e);
        }
    }

    /** Writes beside the target and moves it in place, so a reader never sees half a manifest. */
    static void write(Path file, String text) {
        Path absolute = file.toAbsolutePath();
        try {
            Files.createDirectories(absolute.getParent());
            // .part, like every file medfetch has not finished: adopt and verify --manifest leave it alone
            Path temp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".part");
            try {
                Files.writeString(temp, text, StandardCharsets.UTF_8);
                try {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(temp, absolute, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }
}
