package org.medfetch.workflow;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.medfetch.manifest.Manifest;
import org.medfetch.resolve.Checksum;
import org.medfetch.workflow.VerifyFiles.Checked;
import org.medfetch.workflow.VerifyFiles.Verdict;

/**
 * verify --manifest: checks the files on disk against a manifest alone (no state database needed):
 * each listed file present, of the recorded size, with the recorded SHA-256 and published checksums;
 * and no file in a dataset's folder that the manifest does not list.
 */
public final class VerifyManifest {

    /** @param notes what could not be checked and is not a problem (datasets without files yet) */
    public record Report(List<Checked> checked, List<String> notes) {
    }

    private final Path root;

    public VerifyManifest(Path workspaceRoot) {
        this.root = workspaceRoot;
    }

    /** @param dataset only this dataset of the manifest, or null for all */
    public Report verify(Path manifestFile, String dataset) {
        Manifest manifest = ManifestFile.read(manifestFile);
        List<Manifest.Dataset> datasets = manifest.datasets().stream()
                .filter(d -> dataset == null || d.id().equals(dataset.strip())).toList();
        if (datasets.isEmpty() && dataset != null) {
            throw new UsageException("manifest " + manifestFile + " has no dataset '" + dataset + "'; it has "
                    + String.join(", ", manifest.datasets().stream().map(Manifest.Dataset::id).toList()));
        }
        List<Checked> checked = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        for (Manifest.Dataset d : datasets) {
            if (d.files().isEmpty()) {
                notes.add(d.id() + " has no files in the manifest (" + d.state() + " when it was written)");
            }
            for (Manifest.FileEntry f : d.files()) {
                Manifest.Extraction x = f.extraction();
                boolean removed = x != null && x.archiveRemoved() && !Files.exists(root.resolve(f.path()));
                checked.add(removed ? new Checked(f.path(), Verdict.REMOVED, "deleted after it was unpacked, as the "
                        + "manifest records") : check(f));
                if (x != null && x.files() != null) {
                    x.files().forEach(e -> checked.add(check(new Manifest.FileEntry(e.path(), Manifest.FileEntry.HTTP, null,
                            e.size(), e.sha256(), List.of(), null, "done"))));
                }
            }
            checked.addAll(extra(d));
        }
        checked.sort(Comparator.comparing(Checked::path));
        return new Report(checked, notes);
    }

    private Checked check(Manifest.FileEntry f) {
        Path file = root.resolve(f.path());
        if (!Files.isRegularFile(file)) {
            return new Checked(f.path(), Verdict.MISSING, "not on disk");
        }
        try {
            long size = Files.size(file);
            if (f.size() != null && size != f.size()) {
                return new Checked(f.path(), Verdict.MISMATCH, "size is " + size + " bytes, the manifest says " + f.size());
            }
        } catch (IOException e) {
            return new Checked(f.path(), Verdict.MISMATCH, "cannot read it: " + e.getMessage());
        }
        List<Checksum> expected = new ArrayList<>();
        if (f.sha256() != null) {
            expected.add(new Checksum("sha256", f.sha256()));
        }
        f.checksums().stream().map(Checksum::parse).forEach(expected::add);
        if (expected.isEmpty()) {
            return new Checked(f.path(), Verdict.UNVERIFIED, "the manifest records no checksum for it (" + f.state()
                    + " when written)");
        }
        Map<String, String> actual = VerifyFiles.digests(file, expected);
        for (Checksum c : expected) {
            if (!c.hex().equals(actual.get(c.algorithm()))) {
                return new Checked(f.path(), Verdict.MISMATCH, c.algorithm() + " is " + actual.get(c.algorithm())
                        + ", the manifest says " + c.hex());
            }
        }
        return new Checked(f.path(), Verdict.OK, null);
    }

    /** Files in the dataset's folder the manifest does not list (partial downloads and sidecars aside). */
    private List<Checked> extra(Manifest.Dataset d) {
        Path folder = root.resolve("downloads").resolve(d.id());
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        Set<String> listed = new HashSet<>(d.files().stream().map(Manifest.FileEntry::path).toList());
        // Unpacked files are listed when hashed; an unhashed extraction's whole folder is the manifest's.
        List<String> unpackedFolders = new ArrayList<>();
        List<Path> allUnpacked = new ArrayList<>();
        for (Manifest.FileEntry f : d.files()) {
            if (f.extraction() != null) {
                allUnpacked.add(root.resolve(f.extraction().folder()));
            }
            if (f.extraction() != null && f.extraction().files() != null) {
                f.extraction().files().forEach(e -> listed.add(e.path()));
            } else if (f.extraction() != null) {
                listed.add(f.extraction().folder());
                unpackedFolders.add(f.extraction().folder() + "/");
            }
        }
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(p -> !Files.isDirectory(p)).filter(p -> !DatasetFolder.ownFile(p))
                    .filter(p -> !(Files.isSymbolicLink(p) && allUnpacked.stream().anyMatch(p::startsWith)))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !listed.contains(p) && unpackedFolders.stream().noneMatch(p::startsWith))
                    .map(p -> new Checked(p, Verdict.EXTRA, "not in the manifest")).toList();
        } catch (IOException | UncheckedIOException e) {
            throw new UsageException("cannot list " + folder + ": " + e.getMessage(), e);
        }
    }
}
