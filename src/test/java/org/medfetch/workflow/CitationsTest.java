package org.medfetch.workflow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;
import org.medfetch.store.NewJob;

/**
 * cite and licenses for a dataset with recorded DOI metadata (Zenodo and figshare responses recorded
 * from the real services), a registry dataset (its reference paper) and an unknown one; every output
 * format read back: CSL-JSON against the official schema, BibTeX by a small reader, RIS by its tags.
 */
class CitationsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private static JsonNode recorded(String name) throws Exception {
        try (InputStream in = CitationsTest.class.getResourceAsStream("/api/recorded/" + name)) {
            return JSON.readTree(in);
        }
    }

    /** What the Zenodo and figshare resolvers keep of these records (the fields they read). */
    private Workspace workspace() throws Exception {
        Workspace ws = new ManifestWorkspaces(tmp).open(tmp.resolve("ws"));
        JsonNode zenodo = recorded("zenodo-record-1200251.json");
        JsonNode m = zenodo.get("metadata");
        List<String> creators = new ArrayList<>();
        m.get("creators").forEach(c -> creators.add(c.get("name").asText()));
        queue(ws, "xenon", new DatasetInfo(m.get("title").asText(), zenodo.get("doi").asText(),
                m.get("license").get("id").asText(), null, zenodo.get("links").get("doi").asText(), creators,
                DatasetInfo.yearOf(m.get("publication_date").asText()), m.get("version").asText(), "Zenodo"));
        JsonNode fig = recorded("figshare-article-23514972.json");
        queue(ws, "typetracer", new DatasetInfo(fig.get("title").asText(), fig.get("doi").asText(),
                fig.get("license").get("name").asText(), fig.get("citation").asText(), fig.get("figshare_url").asText(),
                List.of(fig.get("authors").get(0).get("full_name").asText()),
                DatasetInfo.yearOf(fig.get("published_date").asText()), fig.get("version").asText(), "figshare"));
        ws.store().addJob(new NewJob("lits", "LiTS", "lits", "https://pan.baidu.com/s/1TjrUOl7djxv7jedjY_Uhgg?pwd=6666",
                "baidu-netdisk", "manual", "catalog", null, JobState.MANUAL, null, null, null), "thesis");
        ws.store().addJob(new NewJob("notes", "notes", "https://example.org/notes.zip", "https://example.org/notes.zip",
                "direct-http", "http", "url", null, JobState.ACTIVE, null, null, null), "thesis");
        ws.store().addJob(new NewJob("chestxray", "ChestXray", "chestxray", "https://www.kaggle.com/datasets/nih-chest-xrays/data/data",
                "kaggle", "api", "catalog", null, JobState.ACTIVE, null, null, null), "thesis");
        ws.store().addJob(new NewJob("isic-2016", "ISIC 2016", "isic-2016", "https://challenge.isic-archive.com/data/#2019",
                "web-page", "manual", "catalog", null, JobState.MANUAL, null, null, null), "thesis");
        return ws;
    }

    private static Job queue(Workspace ws, String id, DatasetInfo info) {
        return ws.store().addJob(new NewJob(id, id, "https://doi.org/" + info.doi(), "https://doi.org/" + info.doi(),
                "zenodo", "api", "catalog", null, JobState.ACTIVE, null, null, JobJson.info(info)), "thesis");
    }

    @Test
    void bibtexHasOneEntryPerDatasetWithItsLicenseAndReadsBack() throws Exception {
        try (Workspace ws = workspace()) {
            String bib = CitationFormat.BIBTEX.write(new CiteDatasets(ws).references(List.of(), "thesis"));
            Map<String, Map<String, String>> entries = BibtexReader.entries(bib);
            assertEquals(List.of("xenon", "typetracer", "lits", "notes", "chestxray", "isic-2016"),
                    new ArrayList<>(entries.keySet()));
            Map<String, String> xenon = entries.get("xenon");
            assertEquals("misc", xenon.get("@type"));
            assertTrue(xenon.get("author").startsWith("Maassen, Jason and Verhoeven, Stefan and"), xenon.get("author"));
            assertTrue(xenon.get("author").endsWith("and Kuzniar, Arnold"), xenon.get("author"));
            assertEquals("2018", xenon.get("year"));
            assertEquals("2.6.1", xenon.get("version"));
            assertEquals("10.5281/zenodo.1200251", xenon.get("doi"));
            assertEquals("Padgham, Mark", entries.get("typetracer").get("author"));
            Map<String, String> lits = entries.get("lits");
            assertEquals("article", lits.get("@type"));
            assertEquals("10.1016/j.media.2022.102680", lits.get("doi"));
            assertTrue(lits.get("author").endsWith(" and others"), lits.get("author"));
            assertEquals("{notes}", entries.get("notes").get("title"));
            Map<String, String> chest = entries.get("chestxray");
            assertEquals("inproceedings", chest.get("@type"), "a CVPR paper is a conference paper");
            assertEquals("2017 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)", chest.get("booktitle"));
            assertEquals("2097--2106", chest.get("pages"));
            assertEquals("Wang, Xiaosong and Peng, Yifan and Lu, Le and Lu, Zhiyong and Bagheri, Mohammadhadi and Summers, "
                    + "Ronald M.", chest.get("author"));
            Map<String, String> isic = entries.get("isic-2016");
            assertEquals("misc", isic.get("@type"));
            assertEquals("arXiv:1605.01397", isic.get("howpublished"));
            assertEquals("10.48550/arXiv.1605.01397", isic.get("doi"));
            assertTrue(bib.contains("% xenon: the DOI record zenodo gave"), bib);
            assertTrue(bib.contains("% license: Apache-2.0\n@misc{xenon,"), bib);
            assertTrue(bib.contains("% license: MIT\n@misc{typetracer,"), bib);
            assertTrue(bib.contains("% license: for academic research only (as the bundled catalog states)\n@article{lits,"),
                    bib);
            assertTrue(bib.contains("% notes: citation unknown"), bib);
            assertTrue(bib.contains("% license: unknown"), bib);
        }
    }

    @Test
    void cslJsonFollowsTheOfficialSchema() throws Exception {
        try (Workspace ws = workspace()) {
            String csl = CitationFormat.CSL_JSON.write(new CiteDatasets(ws).references(List.of(), "thesis"));
            CslSchema.assertValid(csl);
            JsonNode items = JSON.readTree(csl);
            assertEquals(6, items.size());
            assertEquals("paper-conference", items.get(4).get("type").asText());
            assertEquals("2017 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)",
                    items.get(4).get("container-title").asText());
            assertEquals("article", items.get(5).get("type").asText(), "a preprint");
            assertEquals("dataset", items.get(0).get("type").asText());
            assertEquals("Maassen", items.get(0).get("author").get(0).get("family").asText());
            assertEquals(2018, items.get(0).get("issued").get("date-parts").get(0).get(0).asInt());
            assertEquals("article-journal", items.get(2).get("type").asText());
            assertTrue(items.get(1).get("note").asText().startsWith("License: MIT"));
        }
    }

    @Test
    void risHasItsTagsAndEndsEveryRecord() throws Exception {
        try (Workspace ws = workspace()) {
            String ris = CitationFormat.RIS.write(new CiteDatasets(ws).references(List.of(), "thesis"));
            Pattern line = Pattern.compile("^([A-Z][A-Z0-9])  - (.*)$");
            int records = 0;
            for (String l : ris.split("\n")) {
                if (l.isEmpty()) {
                    continue;
                }
                Matcher m = line.matcher(l);
                assertTrue(m.matches(), "a RIS line: " + l);
                records += m.group(1).equals("TY") ? 1 : 0;
                records -= m.group(1).equals("ER") ? 1 : 0;
            }
            assertEquals(0, records, "every TY has its ER");
            assertTrue(ris.contains("TY  - DATA\nID  - xenon\nAU  - Maassen, Jason"), ris);
            assertTrue(ris.contains("TY  - JOUR\nID  - lits"), ris);
            assertTrue(ris.contains("SP  - 102680"), ris);
            assertTrue(ris.contains("TY  - CONF\nID  - chestxray"), ris);
            assertTrue(ris.contains("T2  - 2017 IEEE Conference on Computer Vision and Pattern Recognition (CVPR)"), ris);
            assertTrue(ris.contains("SP  - 2097\nEP  - 2106"), ris);
            assertTrue(ris.contains("TY  - UNPB\nID  - isic-2016"), ris);
            assertTrue(ris.contains("N1  - License: Apache-2.0"), ris);
        }
    }

    @Test
    void licensesGroupAndFlagTheUnknownAndNonCommercial() throws Exception {
        try (Workspace ws = workspace()) {
            List<CiteDatasets.LicenseGroup> groups = new CiteDatasets(ws).licenses("thesis");
            assertEquals(4, groups.size());
            assertEquals(List.of("lits", "chestxray", "isic-2016"), groups.stream().filter(g -> g.license() != null
                    && g.license().startsWith("for academic")).findFirst().orElseThrow().datasets());
            CiteDatasets.LicenseGroup last = groups.get(groups.size() - 1);
            assertTrue(last.unknown());
            assertEquals(List.of("notes"), last.datasets());
            assertTrue(groups.stream().filter(g -> "for academic research only (as the bundled catalog states)"
                    .equals(g.license())).findFirst().orElseThrow().nonCommercial());
            assertTrue(groups.stream().filter(g -> "MIT".equals(g.license())).noneMatch(
                    CiteDatasets.LicenseGroup::nonCommercial));
        }
    }
}
