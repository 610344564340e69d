package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.Transfer;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferTask;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Source;

/**
 * A stand-in for the HTTP transfer that keeps its contract without a network: serves bodies from memory
 * by URL, refuses a body whose size or checksums differ from what the task expects (the file never
 * reaches its final name then), and counts what it was asked for.
 */
final class FakeHttp implements Transfer<Source.HttpSource> {

    final Map<String, byte[]> bodies = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> fetches = new ConcurrentHashMap<>();

    int fetches(String url) {
        return fetches.getOrDefault(url, new AtomicInteger()).get();
    }

    @Override
    public List<CompletedFile> fetch(TransferTask<Source.HttpSource> task, Progress progress) throws TransferException {
        String url = task.source().url().toString();
        fetches.computeIfAbsent(url, u -> new AtomicInteger()).incrementAndGet();
        byte[] body = bodies.get(url);
        if (body == null) {
            throw new TransferException(TransferException.Kind.HTTP_STATUS, false, "HTTP 404 Not Found");
        }
        if (task.source().size() != null && task.source().size() != body.length) {
            throw new TransferException(TransferException.Kind.SIZE_MISMATCH, false, "the server sent " + body.length
                    + " bytes, the repository says " + task.source().size());
        }
        for (Checksum c : task.source().checksums()) {
            String actual = hex(c.digestName(), body);
            if (!c.hex().equals(actual)) {
                throw new TransferException(TransferException.Kind.CHECKSUM, false, "checksum mismatch: expected " + c
                        + ", got " + c.algorithm() + ":" + actual);
            }
        }
        try {
            Files.createDirectories(task.target().getParent());
            Path part = task.target().resolveSibling(task.target().getFileName() + ".part");
            Files.write(part, body);
            Files.move(part, task.target(), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new TransferException(TransferException.Kind.IO, true, e.getMessage());
        }
        progress.advanced(task.fileId(), body.length);
        return List.of(new CompletedFile(task.target(), body.length, hex("SHA-256", body)));
    }

    static String hex(String algorithm, byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
