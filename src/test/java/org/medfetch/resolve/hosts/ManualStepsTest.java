package org.medfetch.resolve.hosts;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import org.junit.jupiter.api.Test;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Resolution;

/** The manual hosts of issue 13 give their platform's own steps, not the generic page fallback's. */
class ManualStepsTest {

    private static String steps(ManualHost host, String link) {
        URI uri = URI.create(link);
        assertTrue(host.accepts(uri), link);
        CatalogEntry entry = new CatalogEntry("some-dataset", "Some Dataset", "CT", null, null, null, null, link, 1);
        return assertInstanceOf(Resolution.Manual.class, host.resolve(entry, uri)).instructions().render();
    }

    @Test
    void grandChallengeNamesTheChallengeAndItsDataPage() {
        String text = steps(ChallengeHosts.GRAND_CHALLENGE, "https://autopet-ii.grand-challenge.org/");
        assertTrue(text.contains("Open https://autopet-ii.grand-challenge.org and join the challenge"), text);
        assertTrue(text.contains("https://autopet-ii.grand-challenge.org/data/"), text);
        assertTrue(text.contains("medfetch adopt some-dataset downloads/some-dataset/"), text);
    }

    @Test
    void codabenchAndTianchiSayWhereTheirFilesAre() {
        assertTrue(steps(ChallengeHosts.CODALAB, "https://www.codabench.org/competitions/1847/").contains("Participate → Files"));
        String competition = steps(ChallengeHosts.TIANCHI, "https://tianchi.aliyun.com/competition/entrance/231601/information");
        assertTrue(competition.contains("实名认证") && competition.contains("报名参赛"), competition);
        assertFalse(steps(ChallengeHosts.TIANCHI, "https://tianchi.aliyun.com/dataset/90694").contains("报名参赛"));
    }

    @Test
    void indiPagesPointToTheBucketAndOtherNitrcPagesToTheirDownloads() {
        String abide = steps(PortalHosts.NITRC, "http://fcon_1000.projects.nitrc.org/indi/abide/abide_I.html");
        assertTrue(abide.contains("medfetch add s3://fcp-indi/data/Projects/ABIDE/"), abide);
        assertTrue(abide.contains("ABIDE_Initiative/Outputs/"), abide);
        String abide2 = steps(PortalHosts.NITRC, "http://fcon_1000.projects.nitrc.org/indi/abide/abide_II.html");
        assertTrue(abide2.contains("s3://fcp-indi/data/Projects/ABIDE2/") && !abide2.contains("ABIDE_Initiative"), abide2);
        String ixi = steps(PortalHosts.NITRC, "https://www.nitrc.org/projects/ixi_dataset/");
        assertFalse(ixi.contains("fcp-indi"), ixi);
        assertFalse(PortalHosts.NITRC.accepts(URI.create("https://fcon_1000.projects.nitrc.org/indi/retro/nyu_trt_session1a.tar.gz")),
                "a data file on NITRC stays a direct download");
    }

    @Test
    void theDecathlonSiteNamesTheMirroredTasks() {
        String text = steps(PortalHosts.MEDICAL_DECATHLON, "http://medicaldecathlon.com/");
        assertTrue(text.contains("medfetch get msd-brain") && text.contains("Task10_Colon"), text);
    }

    @Test
    void boxOwnsSharedLinksOnly() {
        assertTrue(steps(PortalHosts.BOX, "https://nihcc.app.box.com/v/DeepLesion").contains("Box zips folders"));
        assertFalse(PortalHosts.BOX.accepts(URI.create("https://www.box.com/pricing")));
    }

    @Test
    void articlesPointToTheirDataAvailability() {
        assertTrue(steps(PortalHosts.ARTICLE, "https://www.nature.com/articles/s41597-022-01905-2").contains("Data availability"));
        assertFalse(PortalHosts.ARTICLE.accepts(URI.create("https://www.ncbi.nlm.nih.gov/files/data.zip")));
    }

    @Test
    void formsOnAnyServiceSayTheLinkComesByEmail() {
        for (String form : java.util.List.of("https://uiowa.qualtrics.com/jfe/form/SV_a3mc5H4SG2B3e2p?Q_JFE=qdg",
                "https://docs.google.com/forms/d/e/1FAIpQLSc/viewform", "https://forms.office.com/r/AbC1dE2fGh",
                "https://www.wjx.cn/vm/Q1aBcDe.aspx", "https://redcap.example.edu/surveys/?s=ABCD1234EF")) {
            String text = steps(ManualHosts.WEB_FORM, form);
            assertTrue(text.contains("arrives by e-mail") && text.contains("medfetch adopt"), text);
        }
        assertFalse(ManualHosts.WEB_FORM.accepts(URI.create("https://uiowa.qualtrics.com/")), "a form, not the site");
        assertFalse(ManualHosts.WEB_FORM.accepts(URI.create("https://docs.google.com/spreadsheets/d/1xYzAbC/edit")));
    }

    @Test
    void stanfordAimiAndOasisNameTheirAgreementsAndWhereTheDataIs() {
        String aimi = steps(PortalHosts.STANFORD_AIMI,
                "https://stanfordaimi.azurewebsites.net/datasets/8cbd9ed4-2eb9-4565-affc-111cf4f7ebe2");
        assertTrue(aimi.contains("Research Use Agreement") && aimi.contains("azcopy copy"), aimi);
        String oasis = steps(PortalHosts.OASIS, "https://www.oasis-brains.org/#data");
        assertTrue(oasis.contains("oasis_cross-sectional_disc1.tar.gz") && oasis.contains("Data Use Agreement"), oasis);
    }

    @Test
    void isicYearsPointToTheDataPageAndKitsToItsRepository() {
        String isic = steps(ChallengeHosts.ISIC_CHALLENGE, "https://challenge2020.isic-archive.com/");
        assertTrue(isic.contains("medfetch add https://challenge.isic-archive.com/data/#2020")
                && isic.contains("s3://isic-challenge-data/2020/"), isic);
        assertFalse(ChallengeHosts.ISIC_CHALLENGE.accepts(URI.create("https://challenge.isic-archive.com/data/")),
                "the data page itself is the download-page host's");
        String kits = steps(ChallengeHosts.KITS, "https://kits-challenge.org/kits23/");
        assertTrue(kits.contains("git clone https://github.com/neheller/kits23") && kits.contains("kits23_download_data"), kits);
        assertTrue(steps(ChallengeHosts.KITS, "https://kits19.kits-challenge.org/").contains("starter_code.get_imaging"));
    }
}
