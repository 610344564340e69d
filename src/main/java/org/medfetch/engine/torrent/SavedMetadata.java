package org.medfetch.engine.torrent;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;

/**
 * Torrent metadata kept beside the state ({@code downloads/.medfetch/torrents/<info-hash>.torrent}), so
 * that a resume neither waits for peers to send a magnet's metadata again (bt 1.10 does not keep it) nor
 * needs the server a .torrent came from.
 */
final class SavedMetadata {

    private final Path folder;

    SavedMetadata(Path folder) {
        this.folder = folder;
    }

    Path path(String infoHash) {
        return folder.resolve(infoHash + ".torrent");
    }

    /** The saved .torrent of this info-hash, if any. */
    Optional<byte[]> load(String infoHash) {
        Path file = path(infoHash);
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readAllBytes(file)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // unreadable: fetched again, as if it had never been saved
        }
    }

    /** Keeps a whole .torrent file as it came. */
    void saveTorrent(String infoHash, byte[] metainfo) throws IOException {
        write(infoHash, metainfo);
    }

    /** Keeps the info dictionary peers sent for a magnet, wrapped as a minimal .torrent: d4:info...e. */
    void saveInfo(String infoHash, byte[] infoDictionary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(infoDictionary.length + 8);
        out.writeBytes("d4:info".getBytes(StandardCharsets.US_ASCII));
        out.writeBytes(infoDictionary);
        out.write('e');
        write(infoHash, out.toByteArray());
    }

    /** Forgets a saved file that turned out unusable. */
    void forget(String infoHash) {
        try {
            Files.deleteIfExists(path(infoHash));
        } catch (IOException e) {
            // it will be overwritten by the next save
        }
    }

    private void write(String infoHash, byte[] bytes) throws IOException {
        Files.createDirectories(folder);
        Path temp = Files.createTempFile(folder, infoHash, ".tmp");
        try {
            Files.write(temp, bytes);
            Files.move(temp, path(infoHash), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
