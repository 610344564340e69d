package org.medfetch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;
import org.medfetch.Main;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.workflow.Settings;

class ClassificationTest {

    static final Resolvers RESOLVERS = org.medfetch.TestWiring.RESOLVERS;

    static CatalogEntry entry(String name, String link) {
        return new CatalogEntry(org.medfetch.catalog.DatasetIds.slug(name), name, "CT", null, null, null, null, link, 1);
    }

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource({
        "https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666, manual, baidu-netdisk",
        "https://aistudio.baidu.com/datasetdetail/35660, api, aistudio",
        "https://aistudio.baidu.com/datasetdetail/228110/0, api, aistudio",
        "https://aistudio.baidu.com/aistudio/datasetdetail/, unavailable, aistudio",
        "https://www.kaggle.com/datasets/nih-chest-xrays/data/data, api, kaggle",
        "https://www.kaggle.com/c/siim-acrpneumothorax-segmentation, api, kaggle",
        "https://www.kaggle.com/code/someone/notebook, unavailable, kaggle",
        "https://hyper.ai/cn/datasets/5666, torrent, hyper-ai",
        "https://orion.hyper.ai/tracker/magnet?torrent=17600, torrent, hyper-ai",
        "https://orion.hyper.ai/tracker/magnet?torr, unavailable, hyper-ai",
        "https://academictorrents.com/details/47e9d8aab761e75fd0a81982fa62bddf3a173831, torrent, academictorrents",
        "https://academictorrents.com/details/47e9d8, unavailable, academictorrents",
        "magnet:?xt=urn:btih:47e9d8aab761e75fd0a81982fa62bddf3a173831&dn=CQ500, torrent, magnet",
        "magnet:?xt=urn:btih:nothex, unavailable, magnet",
        "https://example.org/files/data.torrent, torrent, torrent-file",
        "https://wiki.cancerimagingarchive.net/pages/viewpage.action?pageId=24284539, manual, tcia",
        "https://wiki.cancerimagingarchive.net/display/Public/RIDER+Breast+MRI, api, tcia",
        "https://www.cancerimagingarchive.net/collection/lung-pet-ct-dx/, api, tcia",
        "https://github.com/anjany/verse?tab=readme-ov-file, git, github",
        "https://github.com/stardist/stardist/releases/download/0.1.0/dsb2018.zip, http, github",
        "https://gitee.com/neuhwm/GasHisSDB#https://gitee.c, git, gitee",
        "https://zenodo.org/records/7105232, api, zenodo",
        "https://doi.org/10.5281/zenodo.1214456, api, zenodo",
        "https://figshare.com/articles/journal_contribution/BCN20000_Dermoscopic_Lesions_in_the_Wild/24, api, figshare",
        "https://dataverse.harvard.edu/dataset.xhtml?persistentId=doi:10.7910/DVN/DBW86T, api, dataverse",
        "https://opendatalab.com/OpenDataLab/HC18/tree/main, api, opendatalab",
        "https://opendatalab.com/OpenDataLab/RITE, api, opendatalab",
        "https://datasets.simula.no/kvasir/, http, download-page",
        "http://fcon_1000.projects.nitrc.org/indi/abide/abide_I.html, manual, nitrc",
        "https://autopet.grand-challenge.org/, manual, grand-challenge",
        "https://tianchi.aliyun.com/dataset/90694, manual, tianchi",
        "https://nihcc.app.box.com/v/ChestXray-NIHCC, manual, box",
        "http://medicaldecathlon.com/, manual, medical-decathlon",
        "https://www.nature.com/articles/s41597-022-01905-2, manual, article",
        "s3://fcp-indi/data/Projects/ABIDE/, api, s3",
        "gs://idc-open-data/, api, gcs",
        "https://physionet.org/content/mitdb/1.0.0/, api, physionet",
        "https://www.synapse.org/#!Synapse:syn3193805/wiki/217789, api, synapse",
        "https://drive.google.com/file/d/1l_5RK28JRL19wpT22B-DY9We3TVXnnQQ/view, http, google-drive",
        "https://fcon_1000.projects.nitrc.org/indi/retro/nyu_trt_session1a.tar.gz, http, direct",
        "https://example.org/dataset/versions/1.0.0, manual, web-page",
        "https://datadryad.org/stash/dataset/doi:10.5061/dryad.abc123, manual, dryad",
        "https://doi.org/10.5061/dryad.abc123, manual, dryad",
        "https://www.example.org/data/index.php, manual, web-page",
        "https://example.org/Portal/Data.aspx, manual, web-page",
        "https://example.org/cgi-bin/get.cgi, manual, web-page",
        "https://example.org/download, manual, web-page",
        "https://www.kaggle.com/kmader/rsna-bone-age, api, kaggle",
        "https://www.dropbox.com/s/8r4wqsiq7zv1ajk/DRIVE.zip?dl=0, http, dropbox",
        "https://docs.google.com/spreadsheets/d/1xYzAbC/edit#gid=0, manual, document-view",
        "https://onedrive.live.com/?cid=ABC123&id=ABC123%21105, manual, document-view",
        "https://contoso.sharepoint.com/:u:/g/personal/someone/EabcDEF?e=xyz, manual, document-view",
        "https://aistudio.baidu.com/competition/detail/1102/0/introduction, manual, aistudio",
        "https://github.com/anjany/verse/blob/main/README.md, manual, github",
        "https://github.com/anjany/verse/blob/main/data/labels.csv, http, github",
        "https://github.com/anjany/verse/tree/main/docs, git, github",
        "https://doi.org/10.6084/m9.figshare.14763051.v1, api, figshare",
        "https://figshare.com/s/865e694ad06d5857db4b, manual, figshare",
        "https://www.cancerimagingarchive.net/analysis-result/pseudo-phi-dicom-data/, manual, tcia",
        "https://wiki.cancerimagingarchive.net/display/NLST/National+Lung+Screening+Trial, manual, tcia",
        "https://challenge.isic-archive.com/data/#2019, http, download-page",
        "https://projects.ics.forth.gr/cvrl/fire/, http, download-page",
        "https://bmirds.github.io/MHIST/, manual, project-page",
        "https://mega.nz/folder/UNMF2YYI#1cqJVzo4p_wESv9P_pc8uA, manual, mega",
        "https://www.heywhale.com/mw/dataset/5e95e3ede7ec38002d0351f6, manual, heywhale",
        "https://www.notion.so/HTTP-POST-0e0a4ca7ff594009b830b3c736964224?pvs=21, manual, info-page",
        "https://blog.csdn.net/weixin_43916387/article/details/116464264, manual, info-page",
        "http://preprocessed-connectomes/, unavailable, incomplete-link",
        "https://msd-for-monai.s3-us-west-2.amazonaws.com/Task09_Spleen.tar, api, s3",
        "http://127.0.0.1:8080/file.bin, http, direct",
        "https://example.org/about/, manual, web-page",
        "https://rdr.ucl.ac.uk/articles/dataset/SERV-CT/26352199, api, figshare",
        "https://rdr.ucl.ac.uk/ndownloader/files/47779282, http, figshare",
        "https://data.caltech.edu/records/cbc2k-q9x58, api, invenio-rdm",
        "https://repository.tugraz.at/records/123, api, invenio-rdm",
        "https://cloud.ircad.fr/index.php/s/JN3z7EynBiwYyjy/download, http, nextcloud",
        "https://cloud.example.com/s/yxcFKRWBJqYYzp4, http, nextcloud",
        "https://cloud.tsinghua.edu.cn/d/df2ff6121f3f4edfaff4/, http, seafile",
        "http://data.openkg.cn/dataset/rjua-qadatasets, api, ckan",
        "https://digital.lib.washington.edu/researchworks/handle/1773/45396, api, dspace",
        "https://repository.example.edu/bitstream/handle/10673/20/scans.zip?sequence=1, http, dspace",
        "https://uiowa.qualtrics.com/jfe/form/SV_a3mc5H4SG2B3e2p?Q_JFE=qdg, manual, web-form",
        "https://docs.google.com/forms/d/e/1FAIpQLSc/viewform, manual, web-form",
        "https://stanfordaimi.azurewebsites.net/datasets/8cbd9ed4-2eb9-4565-affc-111cf4f7ebe2, manual, stanford-aimi",
        "https://challenge2024.isic-archive.com/, manual, isic-challenge",
        "https://kits-challenge.org/kits23/, manual, kits",
        "https://www.oasis-brains.org/#data, manual, oasis",
        "https://www.nature.com/articles/s41597-022-01905-2, manual, article",
        "https://f1000research.com/articles/6-93/v2, manual, web-page",
        "https://tianchi.aliyun.com/dataset/90694, manual, tianchi",
        "https://example.org/records/annual-report, manual, web-page",
        "https://example.org/s/short, manual, web-page",
    })
    void classifiesOneLinkPerHost(String link, String linkClass, String resolver) {
        Classification c = RESOLVERS.classify(entry("Some Dataset", link));
        assertEquals(linkClass, c.linkClass().label(), () -> "class of " + link);
        assertEquals(resolver, c.resolver(), () -> "resolver of " + link);
        if (c.linkClass() == LinkClass.UNAVAILABLE) {
            assertNotNull(c.reason());
            assertFalse(c.issues().isEmpty());
        }
    }

    @Test
    void rowsWithoutLinkOrWithUnparseableLinksAreUnavailable() {
        Classification none = RESOLVERS.classify(entry("A", null));
        assertEquals(LinkClass.UNAVAILABLE, none.linkClass());
        assertNull(none.resolver());
        Classification bad = RESOLVERS.classify(entry("B", "not a url"));
        assertEquals(LinkClass.UNAVAILABLE, bad.linkClass());
        assertTrue(bad.reason().contains("not a valid URL"));
        Classification ftp = RESOLVERS.classify(entry("C", "ftp://example.org/a.zip"));
        assertTrue(ftp.reason().startsWith("no resolver accepts ftp://example.org/a.zip (declined by magnet, "), ftp.reason());
    }

    @Test
    void everyBundledLinkHasAHostResolverNotACatchAll() {
        Catalog catalog = new CatalogLoader().bundled();
        for (CatalogEntry e : catalog.entries()) {
            Classification c = RESOLVERS.classify(e);
            assertNotNull(c.linkClass(), e.id());
            if (e.hasLink()) {
                assertFalse(Set.of("direct", "web-page").contains(c.resolver()), () -> e.id() + " fell through to " + c.resolver());
                assertNotNull(c.resolver(), e.id());
            }
        }
    }

    @Test
    void bundledCatalogClassCounts() {
        Catalog catalog = new CatalogLoader().bundled();
        Map<LinkClass, Long> counts = catalog.entries().stream().collect(java.util.stream.Collectors.groupingBy(
                e -> RESOLVERS.classify(e).linkClass(), () -> new java.util.EnumMap<>(LinkClass.class),
                java.util.stream.Collectors.counting()));
        assertEquals(Map.of(LinkClass.MANUAL, 22L, LinkClass.API, 48L, LinkClass.TORRENT, 3L, LinkClass.GIT, 4L,
                LinkClass.HTTP, 9L, LinkClass.UNAVAILABLE, 10L), counts);
    }

    @Test
    void cutShortKaggleSlugsAreFlaggedButLongerNamesAreNot() {
        assertEquals(List.of(CatalogProblem.Kind.TRUNCATED_LINK), kinds("RSNA Intracranial Hemorrhage", "https://www.kaggle.com/c/rsna"));
        assertEquals(List.of(CatalogProblem.Kind.TRUNCATED_LINK), kinds("IDRiD", "https://www.kaggle.com/datasets/mariaherrerot/id"));
        assertEquals(List.of(), kinds("RETOUCH2017", "https://www.kaggle.com/datasets/saivikassingamsetty/retouch"));
        assertEquals(List.of(), kinds("RSNA-Bone-Age", "https://www.kaggle.com/datasets/kmader/rsna-bone-age"));
        // A slug shorter than the title is normal: EchoNet Dynamic may well live at .../echonet.
        assertEquals(List.of(), kinds("EchoNet Dynamic", "https://www.kaggle.com/datasets/mahnurrahman/echonet"));
        assertEquals(List.of(), kinds("Brain Tumor MRI", "https://www.kaggle.com/someone/brain-tumor"));
    }

    @Test
    void linkWithAnotherLinkGluedAfterTheFragmentIsFlagged() {
        Classification c = RESOLVERS.classify(entry("GasHisSDB", "https://gitee.com/neuhwm/GasHisSDB#https://gitee.c"));
        assertEquals(LinkClass.GIT, c.linkClass());
        assertEquals(CatalogProblem.Kind.TRUNCATED_LINK, c.issues().get(0).kind());
    }

    private static List<CatalogProblem.Kind> kinds(String name, String link) {
        return RESOLVERS.classify(entry(name, link)).issues().stream().map(LinkIssue::kind).toList();
    }
}
