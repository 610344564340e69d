package org.medfetch.workflow;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.medfetch.resolve.Checksum;
import org.medfetch.store.Extraction;
import org.medfetch.store.FileRecord;
import org.medfetch.store.FileState;
import org.medfetch.store.Job;

/** The verify use case: re-hashes finished files against their recorded SHA-256 and published checksums. */
public final class VerifyFiles {

    /**
     * EXTRA and UNVERIFIED come from checks against a manifest; REMOVED is an archive deleted on purpose
     * after it was unpacked (not a problem: its unpacked files are checked instead).
     */
    public enum Verdict { OK, MISMATCH, MISSING, EXTRA, UNVERIFIED, REMOVED;

        public boolean problem() {
            return this != OK && this != REMOVED;
        }
    }

    /**
     * @param detail what differs, or null
     * @param fix    the command that repairs it, or null when nothing needs repair
     * @param file   the queued file checked, or null for an unpacked file or a manifest's entry
     */
    public record Checked(String path, Verdict verdict, String detail, String fix, FileRecord file) {

        public Checked(String path, Verdict verdict, String detail) {
            this(path, verdict, detail, null, null);
        }
    }

    private final Workspace workspace;

    public VerifyFiles(Workspace workspace) {
        this.workspace = workspace;
    }

    /** Verifies the finished files of one job, or of every job when target is null. */
    public List<Checked> verify(String target) {
        if (target == null && !workspace.hasQueue()) {
            return List.of();
        }
        List<Job> jobs = target == null ? workspace.store().jobs(null) : List.of(workspace.job(target));
        return check(jobs, true);
    }

    /**
     * The finished files of these jobs as they are on disk: there and of their recorded size (run and sync
     * look before they work), and with {@code hash} of their recorded SHA-256 too. Archives deleted after
     * they were unpacked are not missing; the files unpacked from them are checked instead.
     */
    public List<Checked> check(Collection<Job> jobs, boolean hash) {
        List<Checked> out = new ArrayList<>();
        for (Job job : jobs) {
            for (FileRecord f : workspace.store().files(job.id())) {
                if (f.state() == FileState.DONE && f.sha256() != null) {
                    Optional<Extraction> unpacked = workspace.store().extractions().of(f.id());
                    boolean removed = unpacked.map(Extraction::archiveRemoved).orElse(false);
                    out.add(removed && !Files.exists(workspace.root().resolve(f.path()))
                            ? new Checked(f.path(), Verdict.REMOVED, "deleted after it was unpacked, as asked", null, f)
                            : withFix(check(f, hash), job));
                    unpacked.ifPresent(e -> e.files().forEach(x -> out.add(withFix(unpacked(x, hash), job))));
                }
            }
        }
        return out;
    }

    /** The command that repairs a problem: verify --repair for a file of the queue, extract for an unpacked one. */
    private static Checked withFix(Checked c, Job job) {
        if (!c.verdict().problem()) {
            return c;
        }
        String id = job.datasetId();
        String fix;
        if (c.file() == null) {
            fix = "'medfetch extract " + id + "' unpacks it again from its archive";
        } else if (c.file().kind().equals("adopted")) {
            fix = "'medfetch verify --repair " + id + "' moves it aside and gives the steps to fetch it by hand again";
        } else {
            fix = "'medfetch verify --repair " + id + "' " + (c.verdict() == Verdict.MISSING ? "queues it again"
                    : "moves it aside and queues it again") + ", then 'medfetch run " + id + "' fetches it";
        }
        return new Checked(c.path(), c.verdict(), c.detail(), fix, c.file());
    }

    private Checked check(FileRecord f, boolean hash) {
        Path file = workspace.root().resolve(f.path());
        if (!Files.isRegularFile(file)) {
            return new Checked(f.path(), Verdict.MISSING, "the file is gone", null, f);
        }
        if (!hash) {
            try {
                long size = Files.size(file);
                return f.size() == null || size == f.size() ? new Checked(f.path(), Verdict.OK, null, null, f)
                        : new Checked(f.path(), Verdict.MISMATCH, "size is " + size + " bytes, " + f.size()
                        + " when it was verified", null, f);
            } catch (IOException e) {
                return new Checked(f.path(), Verdict.MISMATCH, "cannot read it: " + e.getMessage(), null, f);
            }
        }
        List<Checksum> expected = new ArrayList<>();
        expected.add(new Checksum("sha256", f.sha256()));
        if (f.checksums() != null && !f.checksums().isBlank()) {
            Arrays.stream(f.checksums().trim().split("\\s+")).map(Checksum::parse).forEach(expected::add);
        }
        Map<String, String> actual = digests(file, expected);
        for (Checksum c : expected) {
            if (!c.hex().equals(actual.get(c.algorithm()))) {
                return new Checked(f.path(), Verdict.MISMATCH, c.algorithm() + " is " + actual.get(c.algorithm())
                        + ", expected " + c.hex(), null, f);
            }
        }
        return new Checked(f.path(), Verdict.OK, null, null, f);
    }

    /** A file an extraction wrote: there, of its size, and of its SHA-256 when that was recorded. */
    private Checked unpacked(Extraction.File x, boolean hash) {
        Path file = workspace.root().resolve(x.path());
        try {
            if (!Files.isRegularFile(file)) {
                return new Checked(x.path(), Verdict.MISSING, "unpacked from an archive, now gone");
            }
            if (Files.size(file) != x.size()) {
                return new Checked(x.path(), Verdict.MISMATCH, "size is " + Files.size(file) + " bytes, " + x.size()
                        + " when unpacked");
            }
        } catch (IOException e) {
            return new Checked(x.path(), Verdict.MISMATCH, "cannot read it: " + e.getMessage());
        }
        if (hash && x.sha256() != null) {
            String actual = sha256(file);
            if (!actual.equals(x.sha256())) {
                return new Checked(x.path(), Verdict.MISMATCH, "sha256 is " + actual + ", expected " + x.sha256());
            }
        }
        return new Checked(x.path(), Verdict.OK, null);
    }

    /** The lower-case hex SHA-256 of a file. */
    static String sha256(Path file) {
        return digests(file, List.of()).get("sha256");
    }

    /** Hashes a file once with SHA-256 and every algorithm the checksums need. */
    static Map<String, String> digests(Path file, List<Checksum> wanted) {
        Map<String, MessageDigest> digests = new LinkedHashMap<>();
        try {
            digests.put("sha256", MessageDigest.getInstance("SHA-256"));
            for (Checksum c : wanted) {
                digests.computeIfAbsent(c.algorithm(), a -> c.newDigest());
            }
            byte[] buffer = new byte[1 << 20];
            try (InputStream in = Files.newInputStream(file)) {
                for (int n; (n = in.read(buffer)) > 0; ) {
                    for (MessageDigest d : digests.values()) {
                        d.update(buffer, 0, n);
                    }
                }
            }
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has MD5, SHA-1 and SHA-256", e);
        } catch (IOException e) {
            throw new UsageException("cannot read " + file + ": " + e.getMessage(), e);
        }
        Map<String, String> hex = new LinkedHashMap<>();
        digests.forEach((algo, d) -> hex.put(algo, HexFormat.of().formatHex(d.digest())));
        return hex;
    }
}
