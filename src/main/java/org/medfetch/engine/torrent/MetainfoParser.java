package org.medfetch.engine.torrent;

import bt.metainfo.MetadataService;
import bt.metainfo.Torrent;
import java.util.List;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;

/**
 * Turns bytes into metadata bt can download, or says why they are not: bencode bt's parser cannot take
 * ({@link BencodeScan}), what bt itself refuses, and a torrent whose piece hashes do not cover its size
 * (a torrent claiming 2^62 bytes with one piece hash made bt stop at once, and every retry again).
 * Paths are checked by {@link Selection}, which knows where files go.
 */
final class MetainfoParser {

    private final MetadataService bt = new MetadataService();

    /** @param what names the input in messages (a path or URL) */
    Torrent parse(byte[] bytes, String what) throws TransferException {
        try {
            BencodeScan.check(bytes);
        } catch (IllegalArgumentException e) {
            throw invalid(what, e.getMessage());
        }
        Torrent torrent;
        try {
            torrent = bt.fromByteArray(bytes);
        } catch (RuntimeException | StackOverflowError e) {
            throw invalid(what, firstLine(e));
        }
        long pieces = 0;
        for (byte[] ignored : torrent.getChunkHashes()) {
            pieces++;
        }
        long size = torrent.getSize();
        long length = torrent.getChunkSize();
        long needed = size / length + (size % length == 0 ? 0 : 1);
        if (pieces != needed) {
            throw invalid(what, "it claims " + size + " bytes in pieces of " + length + ", which is " + needed
                    + " pieces, but it has " + pieces + " piece hashes");
        }
        return torrent;
    }

    private static TransferException invalid(String what, String reason) {
        return new TransferException(Kind.BAD_INPUT, false, what + " is not a valid .torrent file (" + reason + ")");
    }

    /**
     * bt's messages carry the validator's whole report: its first line says enough, except for a failed
     * validation, whose first line only announces what the second says (against the standard model).
     */
    private static String firstLine(Throwable e) {
        Throwable root = e.getCause() != null && e.getMessage() != null && e.getMessage().startsWith("Invalid metainfo")
                ? e.getCause() : e;
        String text = root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
        List<String> lines = text.lines().map(String::strip).toList();
        if (lines.size() > 1 && lines.get(0).startsWith("Validation failed")) {
            return lines.get(1).replaceFirst("^1\\. Standard torrent model: \\[(.*)]$", "$1");
        }
        return lines.isEmpty() ? text : lines.get(0);
    }
}
