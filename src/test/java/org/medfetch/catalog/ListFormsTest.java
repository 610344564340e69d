package org.medfetch.catalog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each entry form of the lists people publish, on small catalogs written for the purpose. */
class ListFormsTest {

    static Catalog parse(String text) {
        return new MarkdownCatalogParser().parse(CatalogText.of("list.md", text));
    }

    static CatalogEntry entry(Catalog catalog, String name) {
        return catalog.entries().stream().filter(e -> e.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entry '" + name + "' in "
                        + catalog.entries().stream().map(CatalogEntry::name).toList() + "; " + catalog.problems()));
    }

    static List<String> names(Catalog catalog) {
        return catalog.entries().stream().map(CatalogEntry::name).toList();
    }

    static List<EntryLink> links(String... labelsAndUrls) {
        List<EntryLink> links = new java.util.ArrayList<>();
        for (int i = 0; i < labelsAndUrls.length; i += 2) {
            links.add(new EntryLink(labelsAndUrls[i], labelsAndUrls[i + 1]));
        }
        return links;
    }

    @Test
    void linkColumnsGoByAnyNameAPersonWouldUse() {
        for (String header : List.of("Link", "URL", "Download", "Website", "Official Website", "Homepage", "Access",
                "Source", "Data", "链接", "下载", "地址", "官网", "主页", "网址", "  download LINK ", "Data Access")) {
            Catalog catalog = parse("| Dataset | Notes | " + header + " |\n|---|---|---|\n| Alpha | [x](https://example.org/n) | "
                    + "[get it](https://example.org/alpha.zip) |\n");
            assertEquals("https://example.org/alpha.zip", entry(catalog, "Alpha").link(), header);
        }
    }

    @Test
    void aDownloadColumnWinsOverAWebsiteAndTheOtherLinksAreAlternatives() {
        Catalog catalog = parse("""
                | Name | Official Website | Download Link | Paper | License |
                |---|---|---|---|---|
                | Alpha | [Site](https://alpha.org) | [Zenodo](https://zenodo.org/records/1) | [arXiv](https://arxiv.org/abs/1) | [CC BY](https://creativecommons.org/licenses/by/4.0/) |
                | Beta | [Site](https://beta.org) | - | [arXiv](https://arxiv.org/abs/2) | |
                """);
        CatalogEntry alpha = entry(catalog, "Alpha");
        assertEquals("https://zenodo.org/records/1", alpha.link());
        assertEquals(links("Official Website", "https://alpha.org", "Paper", "https://arxiv.org/abs/1"), alpha.links());
        assertEquals("https://beta.org", entry(catalog, "Beta").link(), "an empty download cell falls back to the web page");
    }

    @Test
    void withoutALinkColumnTheNameCellOrTheOnlyCellWithALinkGivesIt() {
        Catalog catalog = parse("""
                | 名称 | 模态 | License |
                | - | - | - |
                | [LiTS](https://competitions.codalab.org/competitions/17094) | CT | [CC BY-NC-ND](https://creativecommons.org/x) |
                | QIN Breast [01](https://tcia.org/qin-breast)[02](https://tcia.org/qin-breast-02) | MRI | |

                | Dataset | Description | Code |
                |---|---|---|
                | Gamma | images of things | [repo](https://github.com/o/gamma) |
                """);
        assertEquals("https://competitions.codalab.org/competitions/17094", entry(catalog, "LiTS").link());
        assertTrue(entry(catalog, "LiTS").links().isEmpty(), "licence links are not the dataset's links");
        CatalogEntry qin = entry(catalog, "QIN Breast");
        assertEquals("https://tcia.org/qin-breast", qin.link());
        assertEquals(links(null, "https://tcia.org/qin-breast-02"), qin.links());
        assertEquals("https://github.com/o/gamma", entry(catalog, "Gamma").link());
    }

    @Test
    void aNameCellLinkingToAFileOfTheListTakesTheLinkFromTheOtherCells() {
        Catalog catalog = parse("""
                | Dataset | Official Website |
                |---|---|
                | [CT-ORG](./resources/CT-ORG.md) | [Github](https://github.com/bbrister/ctOrganSegmentation) |
                """);
        CatalogEntry ctOrg = entry(catalog, "CT-ORG");
        assertEquals("https://github.com/bbrister/ctOrganSegmentation", ctOrg.link());
        assertTrue(ctOrg.links().isEmpty(), ctOrg.links()::toString);
    }

    @Test
    void tablesInsideDetailsCount() {
        Catalog catalog = parse("""
                #### Whole Body
                <details>
                <summary>9 datasets</summary>
                | Dataset | Link |
                |---|---|
                | TotalSegmentator | https://zenodo.org/records/10047292 |
                </details>
                """);
        assertEquals("https://zenodo.org/records/10047292", entry(catalog, "TotalSegmentator").link());
        assertEquals(6, entry(catalog, "TotalSegmentator").line());
    }

    @Test
    void listItemsWithMarkdownLinksHtmlAnchorsAndBareUrls() {
        Catalog catalog = parse("""
                ## Retina
                - [DRIVE](https://drive.grand-challenge.org/) – vessel segmentation, [paper](https://doi.org/10.1/drive)
                - <a href="https://stare.org/data"> **STARE**<br></a> (STructured Analysis of the Retina)<br>
                  <a href="https://doi.org/10.1/stare"> ![paper](src/paper.png)</a>
                - <a href='https://hrf.org'> *HRF*</a>
                * CHASE_DB1 http://chase.org/db.zip.
                - IDRiD: <https://idrid.grand-challenge.org>
                - Kaggle DR detection [👉](https://www.kaggle.com/c/diabetic-retinopathy-detection)
                - ODIR: [官网](https://odir2019.grand-challenge.org/)
                1. [RIM-ONE](https://rimone.org)
                """);
        assertEquals(List.of("DRIVE", "STARE", "HRF", "CHASE_DB1", "IDRiD", "Kaggle DR detection", "ODIR", "RIM-ONE"),
                names(catalog));
        assertEquals(links("paper", "https://doi.org/10.1/drive"), entry(catalog, "DRIVE").links());
        assertEquals("https://stare.org/data", entry(catalog, "STARE").link());
        assertEquals(links("paper", "https://doi.org/10.1/stare"), entry(catalog, "STARE").links());
        assertEquals("http://chase.org/db.zip", entry(catalog, "CHASE_DB1").link(), "the full stop ends the sentence");
        assertEquals("https://idrid.grand-challenge.org", entry(catalog, "IDRiD").link());
        assertEquals("https://odir2019.grand-challenge.org/", entry(catalog, "ODIR").link());
        assertTrue(catalog.problems().isEmpty(), catalog.problems()::toString);
    }

    @Test
    void genericLinkTextsNeverBecomeNames() {
        Catalog catalog = parse("""
                ## Atlases
                - [link](https://example.org/1)
                - [Download](https://example.org/2)
                - [官网](https://example.org/3)
                - [Official Website](https://example.org/4)
                - https://example.org/5
                - Atlas: [here](https://example.org/atlas)
                """);
        assertEquals(List.of("Atlas"), names(catalog));
        List<CatalogProblem> skipped = skipped(catalog);
        assertEquals(List.of(2, 3, 4, 5, 6), skipped.stream().map(CatalogProblem::line).toList());
        assertEquals(MarkdownReader.NO_NAME, skipped.get(0).message());
    }

    @Test
    void headingsThatAreLinksTakeTheTextBelowAsTheirOtherLinks() {
        Catalog catalog = parse("""
                # List of datasets
                ## Main list
                ### [CheXpert](https://stanfordmlgroup.github.io/competitions/chexpert/)
                224,316 chest radiographs. See [news article](http://news.example.org/chexpert)
                **Keywords**: very-large, X-ray

                ### [MRNet](https://stanfordmlgroup.github.io/competitions/mrnet/)
                1,370 knee MRI exams
                ## Data from [TCIA](https://www.cancerimagingarchive.net)
                """);
        assertEquals(List.of("CheXpert", "MRNet"), names(catalog));
        CatalogEntry chexpert = entry(catalog, "CheXpert");
        assertEquals("Main list", chexpert.section());
        assertEquals(links("news article", "http://news.example.org/chexpert"), chexpert.links());
        assertEquals(MarkdownReader.HEADING_TEXT, skipped(catalog).get(0).message());
        assertEquals(9, skipped(catalog).get(0).line());
    }

    @Test
    void nameBlocksPreferTheDataLinkOverThePaper() {
        Catalog catalog = parse("""
                ## 1. Medical Imaging Data
                __ABIDE: The Autism Brain Imaging Data Exchange__
                Functional MRI images for 539 individuals. __Requires registration__.
                Paper: http://www.ncbi.nlm.nih.gov/pubmed/23774715
                Information: http://fcon_1000.projects.nitrc.org/indi/abide/
                Preprocessed version: http://preprocessed-connectomes-project.org/abide/

                ***

                **EchoNet-Dynamic**
                Overview: https://echonet.github.io/dynamic/index.html

                Access: https://echonet.github.io/dynamic/index.html#access

                ***
                __DRIVE__

                The DRIVE database is for comparative studies of retinal vessels.

                * Paper: https://ieeexplore.ieee.org/document/1282003
                * Download: http://www.isi.uu.nl/Research/Databases/DRIVE/download.php
                """);
        CatalogEntry abide = entry(catalog, "ABIDE: The Autism Brain Imaging Data Exchange");
        assertEquals("http://fcon_1000.projects.nitrc.org/indi/abide/", abide.link());
        assertEquals(links("Paper", "http://www.ncbi.nlm.nih.gov/pubmed/23774715",
                "Preprocessed version", "http://preprocessed-connectomes-project.org/abide/"), abide.links());
        assertEquals("Medical Imaging Data", abide.section());
        assertEquals(2, abide.line());
        assertEquals("https://echonet.github.io/dynamic/index.html#access", entry(catalog, "EchoNet-Dynamic").link());
        assertEquals("http://www.isi.uu.nl/Research/Databases/DRIVE/download.php", entry(catalog, "DRIVE").link());
        assertEquals(3, catalog.entries().size());
    }

    @Test
    void aHeadingWithLabelledLinksBelowIsADataset() {
        Catalog catalog = parse("""
                ## 1、医学图像分割数据集
                ### 1.1 Breast Cancer Semantic Segmentation (BCSS) 乳腺癌病理数据集
                - 数据来源：https://bcsegmentation.grand-challenge.org/BCSS/
                - 数据下载地址：https://github.com/PathologyDataScience/BCSS
                - 样本数量：151
                ### 1.2 Kvasir-SEG datasets 胃肠道息肉分割数据集
                - 数据下载地址：https://datasets.simula.no/downloads/kvasir-seg.zip
                ## 2、网络模型
                """);
        CatalogEntry bcss = entry(catalog, "Breast Cancer Semantic Segmentation (BCSS) 乳腺癌病理数据集");
        assertEquals("https://github.com/PathologyDataScience/BCSS", bcss.link());
        assertEquals("医学图像分割数据集", bcss.section(), "the heading names the dataset, its parent is the section");
        assertEquals(links("数据来源", "https://bcsegmentation.grand-challenge.org/BCSS/"), bcss.links());
        assertEquals("https://datasets.simula.no/downloads/kvasir-seg.zip",
                entry(catalog, "Kvasir-SEG datasets 胃肠道息肉分割数据集").link());
    }

    @Test
    void aBoldNameInAListItemWithItsLinksBelow() {
        Catalog catalog = parse("""
                ## Sources
                * **VinDr-Mammo:** A large-scale benchmark dataset for full-field digital mammography.
                    * **Source:** [https://doi.org/10.13026/br2v-7517](https://doi.org/10.13026/br2v-7517)
                    * **Reference:** Pham, H. H. et al. (2022)
                """);
        assertEquals("https://doi.org/10.13026/br2v-7517", entry(catalog, "VinDr-Mammo").link());
    }

    @Test
    void htmlTablesFollowTheColumnRulesOfMarkdownTables() {
        Catalog catalog = parse("""
                ## Brain

                <table>
                  <tr><th>Dataset</th><th>Modality</th><th>Download</th></tr>
                  <tr><td><b>BraTS</b></td><td>MRI</td><td><a href="https://www.synapse.org/brats">link</a></td></tr>

                  <tr>
                    <td>ISLES &amp; co</td>
                    <td>MRI</td>
                    <td>[data](https://isles.org/data.zip)</td>
                  </tr>
                  <!-- <tr><td>Hidden</td><td></td><td><a href="https://hidden.org">x</a></td></tr> -->
                </table>
                """);
        assertEquals(List.of("BraTS", "ISLES & co"), names(catalog));
        assertEquals("https://www.synapse.org/brats", entry(catalog, "BraTS").link());
        assertEquals(5, entry(catalog, "BraTS").line());
        assertEquals("https://isles.org/data.zip", entry(catalog, "ISLES & co").link());
        assertEquals(7, entry(catalog, "ISLES & co").line());
        assertEquals("Brain", entry(catalog, "BraTS").section());
    }

    @Test
    void anchorsRelativeLinksBadgesAndContentsAreNotDatasets() {
        Catalog catalog = parse("""
                # Awesome Medical Datasets [![Awesome](https://awesome.re/badge.svg)](https://awesome.re)

                ## Table of Contents
                - [Brain](#brain)
                - [Other pages](docs/more.md)
                - [Contributing](https://github.com/o/r/blob/main/CONTRIBUTING.md)

                ## Brain
                - [BraTS](https://www.synapse.org/brats) ![stars](https://img.shields.io/github/stars/x)
                - [Back to top](#top)

                ## Other awesome lists
                - [awesome-gan](https://github.com/xinario/awesome-gan-for-medical-imaging)

                ## Contributing
                Send a [pull request](https://github.com/o/r/pulls).
                """);
        assertEquals(List.of("BraTS"), names(catalog));
        assertTrue(entry(catalog, "BraTS").links().isEmpty());
        assertEquals(List.of(6, 13, 16), skipped(catalog).stream().map(CatalogProblem::line).toList());
        assertEquals("under 'Other awesome lists', which lists no datasets", skipped(catalog).get(1).message());
    }

    @Test
    void linksInTheIntroductionAndInRunningTextAreReportedNotRead() {
        Catalog catalog = parse("""
                # Medical imaging datasets

                * A list of medical imaging datasets. Source: https://sites.google.com/site/aacruzr/image-datasets
                See also [this list](https://github.com/beamandrew/medical-data).

                ## Retina
                - [DRIVE](https://drive.grand-challenge.org/)

                The DRIVE data also sits on [Kaggle](https://www.kaggle.com/datasets/drive).
                """);
        assertEquals(List.of("DRIVE"), names(catalog));
        List<CatalogProblem> skipped = skipped(catalog);
        assertEquals(List.of(3, 4, 9), skipped.stream().map(CatalogProblem::line).toList());
        assertEquals(MarkdownReader.INTRODUCTION, skipped.get(0).message());
        assertEquals(MarkdownReader.IN_TEXT, skipped.get(2).message());
        assertEquals("1 dataset read from list.md; 3 lines with links skipped ('medfetch lint' lists them)",
                catalog.coverage());
    }

    @Test
    void sectionsComeFromTheHeadingPathWithoutTheLoneTitle() {
        Catalog catalog = parse("""
                # Awesome datasets
                ## Head and Neck
                - [CAMELYON16](https://camelyon16.grand-challenge.org)
                ### Brain
                - [IBSR](https://www.nitrc.org/projects/ibsr/)
                ## 🫁 2. Chest
                - [LUNA16](https://luna16.grand-challenge.org)
                """);
        assertEquals("Head and Neck", entry(catalog, "CAMELYON16").section());
        assertEquals("Head and Neck / Brain", entry(catalog, "IBSR").section());
        assertEquals("Chest", entry(catalog, "LUNA16").section(), "numbering and emoji are not part of a section");
        assertTrue(entry(catalog, "IBSR").inSection("brain"));
        assertTrue(entry(catalog, "IBSR").inSection("HEAD AND NECK"));
    }

    @Test
    void aHeadingOverASingleRowTableTitlesTheEntryAndIsNoSection() {
        Catalog catalog = parse("""
                # 肝脏
                ## LiTS
                | 名称 | 模态 |
                | - | - |
                | [LiTS](https://competitions.codalab.org/competitions/17094) | CT |

                [Aistudio下载](https://aistudio.baidu.com/aistudio/datasetdetail/10273)

                相关论文：
                - [The Liver Tumor Segmentation Benchmark](https://arxiv.org/abs/1901.04056)
                # 肺
                """);
        CatalogEntry lits = entry(catalog, "LiTS");
        assertEquals("肝脏", lits.section());
        assertEquals(links("Aistudio下载", "https://aistudio.baidu.com/aistudio/datasetdetail/10273",
                "The Liver Tumor Segmentation Benchmark", "https://arxiv.org/abs/1901.04056"), lits.links());
        assertEquals(1, catalog.entries().size(), "a list headed 相关论文 holds papers");
    }

    @Test
    void boldNamesWithoutLinksAmongNameBlocksAreDatasetsWithoutALink() {
        Catalog catalog = parse("""
                ## Imaging
                __MedPix__
                Database of 53,000 medical images.
                Information: https://medpix.nlm.nih.gov/home

                __AMRG Cardiac Atlas__
                A complete labelled MRI image set of a normal heart.

                __OASIS__
                The Open Access Series of Imaging Studies.
                Access: http://www.oasis-brains.org/

                **Note**
                """);
        assertEquals(List.of("MedPix", "AMRG Cardiac Atlas", "OASIS"), names(catalog));
        assertNull(entry(catalog, "AMRG Cardiac Atlas").link());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MISSING_LINK
                && p.line() == 6), catalog.problems()::toString);
    }

    @Test
    void aWebAddressWithoutSchemeIsReportedNotFollowed() {
        Catalog catalog = parse("""
                ## StructSeg2019
                | 名称 | 标注内容 |
                | - | - |
                | [StructSeg2019](structseg2019.grand-challenge.org) | |
                - [Other](example.org/data)
                """);
        CatalogEntry structSeg = entry(catalog, "StructSeg2019");
        assertNull(structSeg.link());
        assertTrue(catalog.problems().stream().anyMatch(p -> p.kind() == CatalogProblem.Kind.MALFORMED_LINK
                && p.suggestion().equals("write it as https://structseg2019.grand-challenge.org")), catalog.problems()::toString);
        assertEquals("the link 'example.org/data' has no http:// or https://", skipped(catalog).get(0).message());
    }

    @Test
    void nothingReadListsTheFormsMedfetchUnderstands() {
        Catalog catalog = parse("# Notes\n\nSome prose with a [link](https://example.org) in it.\n");
        assertTrue(catalog.entries().isEmpty());
        CatalogProblem none = catalog.problems().get(0);
        assertEquals(CatalogProblem.Kind.NO_DATASETS, none.kind());
        assertTrue(none.suggestion().contains("| Dataset | Link |") && none.suggestion().contains("JSON Lines"),
                none.suggestion());
        assertEquals(3, skipped(catalog).get(0).line());
    }

    @Test
    void windowsLineEndingsReadTheSame() {
        String text = "## Retina\n- [DRIVE](https://drive.grand-challenge.org/)\n\n__STARE__\nA retina set.\nAccess: https://stare.org\n";
        Catalog unix = parse(text);
        Catalog windows = parse(text.replace("\n", "\r\n"));
        assertEquals(unix.entries(), windows.entries());
    }

    static List<CatalogProblem> skipped(Catalog catalog) {
        return catalog.problems().stream().filter(p -> p.kind() == CatalogProblem.Kind.SKIPPED_LINE).toList();
    }
}
