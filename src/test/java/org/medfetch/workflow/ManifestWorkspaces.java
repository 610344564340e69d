package org.medfetch.workflow;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import okhttp3.OkHttpClient;
import org.medfetch.TestWiring;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.engine.Progress;
import org.medfetch.engine.RetryPolicy;
import org.medfetch.engine.RunOptions;
import org.medfetch.engine.StopSignal;
import org.medfetch.engine.TransferOptions;
import org.medfetch.engine.Transfers;
import org.medfetch.extract.FreeSpace;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.web.LinkProbe;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorRegistry;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.resolve.TorrentOptions;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewFile;
import org.medfetch.store.NewJob;

/**
 * Workspaces for manifest tests: one that writes a manifest for a project with an HTTP dataset, an API
 * dataset (queued as an API resolver queues it) and a manual dataset adopted from outside, and fresh
 * ones that sync it. Every download goes through {@link FakeHttp}.
 */
final class ManifestWorkspaces {

    static final String BASE = "http://127.0.0.1:9/";
    static final String SPLEEN = BASE + "Task09_Spleen.tar";
    static final String SCAN = BASE + "api/records/7/files/scan.nii.gz/content";
    static final RunOptions OPTIONS = new RunOptions(1, TransferOptions.defaults(), RetryPolicy.defaults().withAttempts(0));

    /** These workspaces never go online for citations. */
    private static final DoiMetadata NO_DOI = (doi, type) -> {
        throw new IllegalStateException("no DOI lookups in manifest tests");
    };

    final FakeHttp http = new FakeHttp();
    private final Path tmp;

    ManifestWorkspaces(Path tmp) {
        this.tmp = tmp;
        http.bodies.put(SPLEEN, bytes("spleen volumes"));
        http.bodies.put(SCAN, bytes("scan"));
    }

    Workspace open(Path root) {
        Resolvers resolvers = TestWiring.RESOLVERS;
        Catalog catalog = new CatalogLoader().bundled();
        MirrorSources mirrors = new MirrorSources(MirrorRegistry.empty(), resolvers);
        Transfers transfers = new Transfers(http, null);
        LinkProbe probe = new LinkProbe(new OkHttpClient());
        return new Workspace(root, new Workspace.Parts(() -> catalog, probes -> resolvers, registry -> mirrors,
                DatasetNotes::bundled, registry -> transfers, () -> probe, () -> NO_DOI, FreeSpace.SYSTEM,
                () -> new org.medfetch.engine.http.HttpRanges(new OkHttpClient())),
                Clock.systemUTC());
    }

    /** Workspace "a" with everything fetched and adopted, and its manifest for project thesis. */
    Path writer() throws Exception {
        Path a = tmp.resolve("a");
        try (Workspace ws = open(a)) {
            AddTargets add = new AddTargets(ws);
            add.add(new AddRequest(List.of(SPLEEN, "lits"), "thesis", null, null, false, TorrentOptions.DEFAULTS));
            Job zeta = ws.store().addJob(new NewJob("zeta", "Zeta CT", "zeta", "https://zenodo.org/records/7", "zenodo",
                    "api", "catalog", "https://zenodo.org/records/7", JobState.ACTIVE, null, null,
                    "{\"doi\":\"10.5281/zenodo.7\",\"license\":\"CC-BY-4.0\",\"citation\":\"Doe (2024). Zeta CT.\"}"),
                    "thesis");
            ws.store().addFile(zeta.id(), new NewFile("http", SCAN, "downloads/zeta/scan.nii.gz", 4L,
                    "md5:" + FakeHttp.hex("MD5", bytes("scan")), "zenodo", null));
            new RunQueue(ws).runAll(OPTIONS, Progress.NONE, new StopSignal());
            Path fromBaidu = tmp.resolve("baidu/Task06_Lung.tar");
            Files.createDirectories(fromBaidu.getParent());
            Files.writeString(fromBaidu, "lung volumes");
            new AdoptFiles(ws).adopt("lits", List.of(fromBaidu), "thesis");
            new WriteManifest(ws, "test").write("thesis", null);
        }
        return a.resolve("manifests/thesis.json");
    }

    /** A fresh workspace holding a copy of the manifest at manifests/thesis.json. */
    Path fresh(String name, Path manifest) throws Exception {
        Path copy = tmp.resolve(name).resolve("manifests/thesis.json");
        Files.createDirectories(copy.getParent());
        Files.copy(manifest, copy);
        return copy;
    }

    SyncManifest.Result sync(Path manifest) {
        try (Workspace ws = open(manifest.getParent().getParent())) {
            return new SyncManifest(ws).sync(manifest, null, OPTIONS, Progress.NONE, new StopSignal());
        }
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
