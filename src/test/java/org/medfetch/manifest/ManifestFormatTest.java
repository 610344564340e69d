package org.medfetch.manifest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The JSON text of a manifest: stable layout, lossless round trip, and the schema agreeing with the writer. */
class ManifestFormatTest {

    static final String SHA_A = "a".repeat(64);
    static final String SHA_B = "b".repeat(64);
    static final String MAGNET = "magnet:?xt=urn:btih:" + "c".repeat(40) + "&dn=CQ500";

    static Manifest sample() {
        Manifest.Dataset zeta = new Manifest.Dataset("zeta", "Zeta CT", "CT", "https://zenodo.org/records/1", "zenodo",
                "api", new Manifest.SourceRef("catalog", "https://zenodo.org/records/1"), "10.5281/zenodo.1", "CC-BY-4.0",
                "Doe (2024). Zeta.", "https://zenodo.org/records/1", "done", null, null, List.of(), List.of(
                new Manifest.FileEntry("downloads/zeta/b.nii.gz", "http", "https://zenodo.org/api/records/1/files/b/content",
                        2L, SHA_B, List.of("md5:" + "0".repeat(32)), null, "done"),
                new Manifest.FileEntry("downloads/zeta/a.nii.gz", "http", "https://zenodo.org/api/records/1/files/a/content",
                        1L, SHA_A, List.of(), "zenodo", "done")));
        Manifest.Dataset alpha = new Manifest.Dataset("alpha-lung", "Alpha Lung 肺", "CT", "https://pan.baidu.com/s/1x?pwd=6666",
                "baidu-netdisk", "manual", new Manifest.SourceRef("catalog", "https://pan.baidu.com/s/1x?pwd=6666"), null,
                "for academic research only", null, null, "manual", null,
                new Manifest.Steps("The files are on Baidu Netdisk.", List.of("Open the link", "Enter the code 6666")),
                List.of(), List.of());
        Manifest.Dataset cq = new Manifest.Dataset("CQ500", "CQ500", null, MAGNET, "magnet", "torrent",
                new Manifest.SourceRef("url", MAGNET), null, null, null, null, "done", "*.dcm", null,
                List.of(new Manifest.Torrent(MAGNET, "c".repeat(40), "downloads/CQ500/CQ500", "done")),
                List.of(new Manifest.FileEntry("downloads/CQ500/CQ500/x.dcm", "torrent", MAGNET, 3L, SHA_A, List.of(), null,
                        "done")));
        return new Manifest(1, "thesis", Instant.parse("2025-03-01T12:00:00Z"), "0.1.0",
                new Manifest.CatalogRef("bundled", SHA_B), List.of(zeta, alpha, cq));
    }

    @Test
    void layoutIsStableAndDiffFriendly() {
        String json = new ManifestWriter().write(sample());
        assertTrue(json.startsWith("{\n  \"format\": 1,\n  \"project\": \"thesis\",\n  \"written_at\": \"2025-03-01T12:00:00Z\",\n"),
                json);
        assertTrue(json.endsWith("}\n") && !json.endsWith("\n\n"), "one trailing newline");
        assertFalse(json.contains("\r") || json.contains("\t") || json.contains("\" :"), json);
        assertTrue(json.contains("\"torrents\": [],"), "empty lists stay on one line: " + json);
        assertTrue(json.contains("\"checksums\": [\n            \"md5:"), "one list item per line: " + json);
        assertTrue(json.contains("\"name\": \"Alpha Lung 肺\""), "non-ASCII text stays readable");
        List<String> ids = json.lines().filter(l -> l.startsWith("      \"id\": ")).toList();
        assertEquals(List.of("      \"id\": \"CQ500\",", "      \"id\": \"alpha-lung\",", "      \"id\": \"zeta\","), ids,
                "datasets sorted by id");
        assertTrue(json.indexOf("downloads/zeta/a.nii.gz") < json.indexOf("downloads/zeta/b.nii.gz"), "files sorted by path");
        assertEquals(json, new ManifestWriter().write(sample()), "the same manifest gives the same bytes");
    }

    @Test
    void writtenManifestsFollowTheSchemaAndReadBackUnchanged() throws Exception {
        String json = new ManifestWriter().write(sample());
        ManifestSchema.assertValid(json);
        Manifest read = new ManifestReader().read(json);
        assertEquals(json, new ManifestWriter().write(read));
        assertEquals(SHA_B, read.datasets().stream().filter(d -> d.id().equals("zeta")).findFirst().orElseThrow().files()
                .stream().filter(f -> f.path().endsWith("b.nii.gz")).findFirst().orElseThrow().sha256());
        assertTrue(read.datasets().stream().filter(d -> d.id().equals("alpha-lung")).findFirst().orElseThrow().manual());
    }

    @Test
    void markdownSummaryHasTheTableAndTheChecklist() {
        String md = new InstructionsWriter().write(sample(), "manifests/thesis.json");
        assertTrue(md.startsWith("# Datasets of project `thesis`\n"), md);
        assertTrue(md.contains("| Dataset | State | Files | Size | Source |"), md);
        assertTrue(md.contains("| Zeta CT (`zeta`) | done | 2 of 2 | 3 B | catalog: https://zenodo.org/records/1 |"), md);
        assertTrue(md.contains("- [ ] **Alpha Lung 肺** (`alpha-lung`): The files are on Baidu Netdisk.\n  1. Open the link\n"
                + "  2. Enter the code 6666\n"), md);
        assertTrue(md.contains("`medfetch adopt alpha-lung PATH...`"), md);
        assertFalse(md.contains("- [ ] **Zeta CT"), "fetched datasets are no manual step");
        assertTrue(md.contains("DOI: 10.5281/zenodo.1"), md);
        assertTrue(md.contains("`medfetch sync manifests/thesis.json`"), md);
    }

    @Test
    void formatThreeListsTheWebSeedsOfEachTorrentAndOlderFormatsHaveNone() throws Exception {
        Manifest.Dataset cq = sample().datasets().get(2);
        Manifest.Torrent seeded = new Manifest.Torrent(MAGNET, "c".repeat(40), "downloads/CQ500/CQ500", "done",
                List.of("https://mirror.example/cq500/"));
        Manifest.Dataset withSeeds = new Manifest.Dataset(cq.id(), cq.name(), cq.section(), cq.link(), cq.resolver(),
                cq.linkClass(), cq.source(), cq.doi(), cq.license(), cq.citation(), cq.landingPage(), cq.state(),
                cq.selection(), cq.instructions(), List.of(seeded), cq.files());
        Manifest three = new Manifest(3, "thesis", Instant.parse("2025-03-01T12:00:00Z"), "0.1.0",
                new Manifest.CatalogRef("bundled", SHA_B), List.of(withSeeds));
        String json = new ManifestWriter().write(three);

        assertTrue(json.contains("\"web_seeds\": [\n            \"https://mirror.example/cq500/\"\n          ]"), json);
        ManifestSchema.assertValid(json);
        Manifest read = new ManifestReader().read(json);
        assertEquals(List.of("https://mirror.example/cq500/"), read.datasets().get(0).torrents().get(0).webSeeds());
        assertEquals(json, new ManifestWriter().write(read));

        String two = json.replace("\"format\": 3", "\"format\": 2");
        assertThrows(ManifestException.class, () -> new ManifestReader().read(two), "format 2 has no web_seeds");
        assertFalse(ManifestSchema.problems(two).isEmpty(), "the schema says the same");
        String threeWithout = new ManifestWriter().write(new Manifest(2, three.project(), three.writtenAt(),
                three.medfetchVersion(), three.catalog(), three.datasets())).replace("\"format\": 2", "\"format\": 3");
        assertThrows(ManifestException.class, () -> new ManifestReader().read(threeWithout), "format 3 needs web_seeds");
        assertFalse(ManifestSchema.problems(threeWithout).isEmpty(), "the schema says the same");
    }

    @Test
    void newerFormatsAreRefusedWithAHint() {
        int newer = Manifest.FORMAT + 1;
        String json = new ManifestWriter().write(sample()).replace("\"format\": 1", "\"format\": " + newer);
        ManifestException e = assertThrows(ManifestException.class, () -> new ManifestReader().read(json));
        assertEquals("format: manifest format " + newer + " is newer than this medfetch understands (" + Manifest.FORMAT
                + "); use a newer medfetch", e.getMessage());
    }
}
