package org.medfetch.engine.http;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import okhttp3.ConnectionPool;
import okhttp3.OkHttpClient;
import org.medfetch.engine.Checkpoints;
import org.medfetch.engine.CompletedFile;
import org.medfetch.engine.Progress;
import org.medfetch.engine.Transfer;
import org.medfetch.engine.TransferException;
import org.medfetch.engine.TransferException.Kind;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.TransferStopped;
import org.medfetch.engine.TransferTask;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Source.HttpSource;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Segment;

/**
 * Downloads one file over HTTP(S) into {@code <target>.part}, in segments over several connections
 * when the server honours ranges, and renames it to the target only once its size and every published
 * checksum are verified. Continues whatever an earlier attempt recorded, restarting from zero whenever
 * the remote file may have changed (never splicing two versions), and keeps partial data on failure.
 */
public final class HttpTransfer implements Transfer<HttpSource> {

    /** Keeps the plan (a row per segment) small for very large files. */
    static final int MAX_SEGMENTS = 256;

    private final OkHttpClient client;
    private final Authorizer authorizer;

    public HttpTransfer(OkHttpClient client, Authorizer authorizer) {
        this.client = client;
        this.authorizer = authorizer;
    }

    /**
     * The client medfetch uses for every HTTP request: the given connect/read timeout, proxies from the
     * environment, redirects followed, and a pool that keeps {@code connections} idle connections so
     * segments and later files reuse them.
     */
    public static OkHttpClient client(Duration timeout, int connections, ProxyFromEnvironment proxies) {
        return new OkHttpClient.Builder()
                .connectTimeout(timeout)
                .readTimeout(timeout)
                .writeTimeout(timeout)
                .proxySelector(proxies)
                .proxyAuthenticator(proxies.authenticator())
                .socketFactory(new ChannelSockets())
                .addNetworkInterceptor(SocketTag.RECORD)
                .followRedirects(true)
                .followSslRedirects(true)
                .connectionPool(new ConnectionPool(Math.max(5, connections), 5, TimeUnit.MINUTES))
                .build();
    }

    @Override
    public List<CompletedFile> fetch(TransferTask<HttpSource> task, Progress progress)
            throws TransferException, TransferStopped {
        Checkpoints checkpoints = task.checkpoints();
        FileRecord record = checkpoints.record();
        Expected expected = Expected.of(task.source(), record);
        Path target = task.target();
        if (Files.exists(target)) {
            progress.status(task.fileId(), "verifying");
            return List.of(ExistingTarget.verify(target, expected,
                    expected.size() != null ? expected.size() : record.size()));
        }
        Duration timeout = task.options().timeout();
        OkHttpClient timed = client.newBuilder().connectTimeout(timeout).readTimeout(timeout).build();
        progress.started(task.fileId(), target.getFileName().toString(), record.size() == null ? -1 : record.size(),
                checkpoints.segments().stream().mapToLong(Segment::done).sum());
        for (int restart = 0; ; restart++) {
            // One per attempt: a failed attempt cancels its requester's calls, and any it would make later.
            Requester requester = new Requester(timed, authorizer, task.source());
            Prepared prepared = resumable(checkpoints, target, expected)
                    ? resume(task, progress, requester, expected, target)
                    : fresh(task, progress, requester, expected, target);
            try {
                return List.of(finish(task, progress, expected, prepared, prepared.download().run()));
            } catch (RemoteChanged changed) {
                if (restart > 0) {
                    throw new TransferException(Kind.CHANGED_REMOTE, true, "the remote file changed again during "
                            + "the download (" + changed.getMessage() + "); will try again later");
                }
                checkpoints.reset();
                prepared.part().truncate(0);
                progress.status(task.fileId(), "starting over: " + changed.getMessage());
                progress.sized(task.fileId(), -1, 0);
                target = prepared.target();
            } finally {
                prepared.part().close();
            }
        }
    }

    /** A download ready to run, and where its bytes go. */
    private record Prepared(Download download, Path target, PartFile part) {
    }

    /**
     * Recorded segments of known bounds and their part file: the bytes can be continued. Several segments
     * that nothing ties together (an older medfetch split such files) may hold two versions: start over.
     */
    private static boolean resumable(Checkpoints checkpoints, Path target, Expected expected) {
        List<Segment> segments = checkpoints.segments();
        FileRecord record = checkpoints.record();
        return !segments.isEmpty() && segments.stream().allMatch(s -> s.end() >= 0)
                && record.size() != null && Files.exists(PartFile.of(target))
                && (segments.size() == 1 || splittable(new Validators(record.etag(), record.lastModified()), expected));
    }

    /**
     * Starts from zero: one request for {@code bytes=0-} tells the size, whether ranges work and the
     * validators, and its body becomes the first segment.
     */
    private Prepared fresh(TransferTask<HttpSource> task, Progress progress, Requester requester, Expected expected,
                           Path target) throws TransferException {
        Checkpoints checkpoints = task.checkpoints();
        if (!checkpoints.segments().isEmpty()) {
            checkpoints.reset();
        }
        Reply first = requester.get(0, -1, null);
        try {
            int code = first.code();
            long size;
            boolean ranges;
            if (code == 416 && ContentRange.unsatisfiedTotal(first.header("Content-Range")) == 0) {
                size = 0;
                ranges = false;
            } else if (code == 206) {
                ContentRange range = first.contentRange();
                if (range == null || range.first() != 0) {
                    throw new TransferException(Kind.HTTP_STATUS, true, "asked for the whole file, the server sent "
                            + first.header("Content-Range") + ": " + HttpFailures.display(first.url()));
                }
                size = range.total();
                ranges = size >= 0;
            } else if (code == 200) {
                size = first.contentLength();
                ranges = false;
            } else {
                throw HttpFailures.status(first.response(), Instant.now());
            }
            Path named = serverNamed(task) ? target.resolveSibling(ServerFileName.of(first.response())) : target;
            TransferException html = HttpFailures.htmlInsteadOf(first.response(), named.getFileName().toString());
            if (html != null) {
                throw html;
            }
            if (expected.size() != null && size >= 0 && size != expected.size()) {
                throw new TransferException(Kind.SIZE_MISMATCH, false, "the server says " + size + " bytes, the "
                        + "repository published " + expected.size() + ": " + HttpFailures.display(first.url()));
            }
            Path chosen = named.equals(target) ? target : adopt(task, named, target);
            Validators validators = first.validators();
            // Several connections only when every later range is tied to this answer or a mix would be caught.
            ranges = ranges && splittable(validators, expected);
            checkpoints.saveValidators(HttpFailures.display(first.url()), size >= 0 ? size : null,
                    validators.etag(), validators.lastModified());
            PartFile.checkSpace(chosen.getParent(), Math.max(0, size));
            PartFile part = PartFile.open(PartFile.of(chosen));
            part.truncate(0);
            SegmentPlan plan = SegmentPlan.split(size, ranges ? segments(size, task.options()) : 1);
            checkpoints.saveSegments(plan.recorded());
            progress.sized(task.fileId(), size, 0);
            Reply body = code == 416 ? null : first;
            if (body == null) {
                first.close();
            }
            return new Prepared(new Download(task, progress, part, plan, requester, validators, false, ranges,
                    expected, body), chosen, part);
        } catch (TransferException | RuntimeException e) {
            first.close();
            throw e;
        }
    }

    /**
     * How many segments a fresh file is split into. The connections are n = min(connections, size / minimum
     * segment); the file is cut into more pieces than that (each of two to four minimum segments, at most
     * {@link #MAX_SEGMENTS}), taken in file order, so that the bytes written grow from the front and the
     * hasher, which can only follow a gap-free prefix, finishes soon after the last byte. With exactly n
     * pieces all of them complete at the same moment and most of the file is hashed after the transfer
     * (measured: 1.2 s for 1 GiB over 8 connections). A piece of two minimum segments or more can still be
     * split by an idle connection at the end.
     */
    static int segments(long size, TransferOptions options) {
        long min = Math.max(1, options.minSegmentBytes());
        if (options.connections() <= 1 || size < 2 * min) {
            return 1;
        }
        long connections = Math.min(options.connections(), size / min);
        return (int) Math.max(connections, Math.min(MAX_SEGMENTS, size / (2 * min)));
    }

    /**
     * Whether a file may be fetched over several connections. Each connection's range is a request of its
     * own: only If-Range (a strong ETag or Last-Modified) ties it to the version the first answer came from.
     * Without it, a file that changes meanwhile (same size) would be spliced from two versions, which only a
     * published checksum would reveal; so such a file is fetched as one stream unless a checksum is known.
     */
    static boolean splittable(Validators validators, Expected expected) {
        return validators.tiesRanges() || !expected.checksums().isEmpty();
    }

    /** Continues the recorded segments; every answer is checked against the recorded validators. */
    private Prepared resume(TransferTask<HttpSource> task, Progress progress, Requester requester, Expected expected,
                            Path target) throws TransferException {
        FileRecord record = task.checkpoints().record();
        PartFile part = PartFile.open(PartFile.of(target));
        try {
            long onDisk = part.size();
            // The file on disk is the truth: a segment recorded past its end (the part file was cut) goes back.
            List<Segment> segments = task.checkpoints().segments().stream()
                    .map(s -> s.start() + s.done() <= onDisk ? s
                            : new Segment(s.index(), s.start(), s.end(), Math.max(0, onDisk - s.start())))
                    .toList();
            SegmentPlan plan = new SegmentPlan(record.size(), segments);
            PartFile.checkSpace(target.getParent(), record.size() - plan.written());
            progress.sized(task.fileId(), record.size(), plan.written());
            Validators validators = new Validators(record.etag(), record.lastModified());
            return new Prepared(new Download(task, progress, part, plan, requester, validators, true,
                    splittable(validators, expected), expected, null), target, part);
        } catch (TransferException | RuntimeException e) {
            part.close();
            throw e;
        }
    }

    /** Whether the server may name the file: the repository gave no name, or one only guessed from the URL. */
    private static boolean serverNamed(TransferTask<HttpSource> task) {
        String path = task.source().path();
        return path == null || path.isBlank() || task.checkpoints().record().serverNamed();
    }

    /** Records the server's name for the file, unless another file has it; returns the target to use. */
    private static Path adopt(TransferTask<HttpSource> task, Path named, Path target) {
        Path dataset = task.datasetDir().toAbsolutePath().normalize();
        Path candidate = named.toAbsolutePath().normalize();
        if (!candidate.startsWith(dataset) || !candidate.getParent().equals(target.toAbsolutePath().normalize()
                .getParent()) || Files.exists(candidate)) {
            return target;
        }
        String path = task.checkpoints().record().path();
        String renamed = path.substring(0, path.lastIndexOf('/') + 1) + candidate.getFileName();
        return task.checkpoints().rename(renamed) ? candidate : target;
    }

    /** Verifies size and checksums, then moves the part file to its final name. */
    private static CompletedFile finish(TransferTask<HttpSource> task, Progress progress, Expected expected,
                                        Prepared prepared, Download.Outcome outcome) throws TransferException {
        Path target = prepared.target();
        if (expected.size() != null && outcome.size() != expected.size()) {
            task.checkpoints().reset();
            throw new TransferException(Kind.SIZE_MISMATCH, false, target.getFileName() + ": received "
                    + outcome.size() + " bytes, the repository published " + expected.size());
        }
        if (!outcome.digests().mismatches().isEmpty()) {
            task.checkpoints().reset();
            throw new TransferException(Kind.CHECKSUM, false, target.getFileName() + ": checksum mismatch, "
                    + outcome.digests().describe() + " (the bytes are kept in " + prepared.part().path().getFileName()
                    + "; the next attempt starts over)");
        }
        prepared.part().force();
        if (Files.exists(target)) {
            throw new TransferException(Kind.IO, false, target + " appeared during the download; not overwriting it "
                    + "(the download is kept in " + prepared.part().path().getFileName() + ")");
        }
        try {
            Files.move(prepared.part().path(), target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw PartFile.failure("cannot rename " + prepared.part().path() + " to " + target.getFileName(), e);
        }
        return new CompletedFile(target, outcome.size(), outcome.digests().sha256());
    }
}
