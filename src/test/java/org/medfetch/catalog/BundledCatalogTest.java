package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class BundledCatalogTest {

    private final Catalog catalog = new CatalogLoader().bundled();

    @Test
    void bundledCatalogIsTheSeedByteForByte() {
        assertEquals("209dad8272f5a061e47fc4c0486d87d9b3b4b4c9836684fa754d60692341ee1b", catalog.sha256());
        assertEquals("bundled", catalog.origin());
    }

    @Test
    void idsAreWhatTheyAlwaysWere() throws Exception {
        List<String> ids = catalog.entries().stream().map(CatalogEntry::id).toList();
        // the SHA-256 of the 96 ids, one per line, before ids were bounded to 80 characters
        assertEquals("e411c74c511c36114bf12e24432fd4de21c5e2af7c56ae075937499e944e6c81",
                java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256")
                        .digest(String.join("\n", ids).getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        assertTrue(ids.stream().allMatch(id -> id.length() <= DatasetIds.MAX_ID), ids::toString);
    }

    @Test
    void countsEntriesPerSection() {
        Map<String, Long> perSection = catalog.entries().stream()
                .collect(Collectors.groupingBy(CatalogEntry::section, LinkedHashMap::new, Collectors.counting()));
        assertEquals(Map.of("CT", 33L, "MRI", 15L, "超声", 4L, "内窥镜", 4L, "病理", 10L, "多模态", 9L, "PET", 2L,
                "OCT", 11L, "皮肤镜", 8L), perSection);
        assertEquals(List.of("CT", "MRI", "超声", "内窥镜", "病理", "多模态", "PET", "OCT", "皮肤镜"), catalog.sections());
        assertEquals(96, catalog.entries().size());
    }

    @Test
    void splitLinkCellIsJoinedAndReported() {
        CatalogEntry lung = entry("msd-lung");
        assertEquals("https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666", lung.link());
        assertEquals(19, lung.line());
        assertEquals("MSD Liver", entry("msd-liver").name());
        assertEquals(21, entry("msd-liver").line());
        assertTrue(hasProblem(19, CatalogProblem.Kind.SPLIT_CELL, "msd-lung"));
    }

    @Test
    void shiftedRsnaRowIsRepairedAndStillReported() {
        CatalogEntry rsna = entry("rsna");
        assertEquals("RSNA", rsna.name());
        assertEquals("分类/检测", rsna.task());
        assertEquals("肺炎", rsna.part());
        assertEquals("2D", rsna.format());
        assertEquals("296", rsna.count());
        assertEquals("https://aistudio.baidu.com/datasetdetail/33509", rsna.link());
        CatalogProblem problem = problem(38, CatalogProblem.Kind.SHIFTED_ROW);
        assertTrue(problem.repaired());
        assertTrue(problem.suggestion().contains("| RSNA | 分类/检测 | 肺炎 | 2D | 296 |"), problem.suggestion());
    }

    @Test
    void rowsWithoutLinkAreKeptAndReported() {
        CatalogEntry iseg = entry("iseg2019");
        assertNull(iseg.link());
        assertTrue(hasProblem(iseg.line(), CatalogProblem.Kind.MISSING_LINK, "iseg2019"));
        for (String id : List.of("malaria", "snow-合成", "medmnist", "chaos", "structseg2019")) {
            assertNull(entry(id).link(), id);
            assertTrue(hasProblem(entry(id).line(), CatalogProblem.Kind.MISSING_LINK, id), id);
        }
    }

    @Test
    void duplicateAcrossSectionsGetsSectionSuffix() {
        CatalogEntry ct = entry("lung-pet-ct-dx");
        CatalogEntry pet = entry("lung-pet-ct-dx-pet");
        assertEquals("CT", ct.section());
        assertEquals("PET", pet.section());
        assertTrue(hasProblem(pet.line(), CatalogProblem.Kind.DUPLICATE_DATASET, "lung-pet-ct-dx-pet"));
    }

    @Test
    void truncatedLinksAreKeptAsWritten() {
        assertEquals("https://orion.hyper.ai/tracker/magnet?torr", entry("mura").link());
        assertEquals("https://aistudio.baidu.com/aistudio/datasetdetail/", entry("血细胞涂片分类").link());
        assertEquals("http://preprocessed-connectomes/", entry("abide").link());
    }

    @Test
    void idsKeepUnicodeLetters() {
        assertEquals("天池肺结节比赛", entry("天池肺结节比赛").name());
        assertEquals("dsb17-肺癌预测", entry("dsb17-肺癌预测").id());
    }

    @Test
    void everyTableRowHasTheHeadersCellCount() {
        assertTrue(catalog.problems().stream().noneMatch(p -> p.kind() == CatalogProblem.Kind.MALFORMED_ROW),
                () -> catalog.problems().toString());
    }

    private CatalogEntry entry(String id) {
        return catalog.entries().stream().filter(e -> e.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry " + id + " in "
                        + catalog.entries().stream().map(CatalogEntry::id).toList()));
    }

    private boolean hasProblem(int line, CatalogProblem.Kind kind, String id) {
        return catalog.problems().stream()
                .anyMatch(p -> p.line() == line && p.kind() == kind && id.equals(p.datasetId()));
    }

    private CatalogProblem problem(int line, CatalogProblem.Kind kind) {
        return catalog.problems().stream().filter(p -> p.line() == line && p.kind() == kind).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " at " + line + " in " + catalog.problems()));
    }
}
