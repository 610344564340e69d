package org.medfetch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

/** .torrent files made by a real mktorrent (Debian package), as a publisher makes them. */
final class MkTorrent {

    private MkTorrent() {
    }

    /**
     * @param options mktorrent options, e.g. {@code -a URL} (announce), {@code -w URL} (web seed), {@code -p} (private)
     */
    static Path make(Path payload, Path torrent, Path log, String... options) throws Exception {
        Path mktorrent = Tools.require("mktorrent", "mktorrent");
        List<String> command = new ArrayList<>(List.of(mktorrent.toString(), "-l", "16"));
        command.addAll(List.of(options));
        command.addAll(List.of("-o", torrent.toString(), payload.toString()));
        Process make = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertEquals(0, make.waitFor(), Files.readString(log));
        return torrent;
    }

    /**
     * The SHA-1 of the info dictionary. mktorrent writes keys in sorted order, so "info" comes last:
     * its value runs from after "4:info" to the final 'e' of the outer dictionary.
     */
    static String infoHash(Path torrent) throws Exception {
        byte[] bytes = Files.readAllBytes(torrent);
        byte[] key = "4:info".getBytes(StandardCharsets.US_ASCII);
        int at = -1;
        for (int i = 0; i + key.length <= bytes.length && at < 0; i++) {
            if (Arrays.equals(bytes, i, i + key.length, key, 0, key.length)) {
                at = i + key.length;
            }
        }
        byte[] info = Arrays.copyOfRange(bytes, at, bytes.length - 1);
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(info));
    }
}
