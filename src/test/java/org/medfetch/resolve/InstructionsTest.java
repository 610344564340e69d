package org.medfetch.resolve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.medfetch.catalog.CatalogEntry;

/** Manual steps are specific to their host and dataset: exact links, codes, commands and target folder. */
class InstructionsTest {

    private static String steps(String name, String link) {
        CatalogEntry entry = ClassificationTest.entry(name, link);
        Instructions instructions = ClassificationTest.RESOLVERS.classify(entry).instructions();
        assertNotNull(instructions, link);
        return instructions.render();
    }

    @Test
    void baiduShareGivesCodeClientAndTargetFolder() {
        String text = steps("MSD Lung", "https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666");
        assertTrue(text.contains("extraction code (提取码): 6666"), text);
        assertTrue(text.contains("BaiduPCS-Go login -cookies="), text);
        assertTrue(text.contains("BaiduPCS-Go transfer \"https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666\""), text);
        assertTrue(text.contains("BaiduPCS-Go download /medfetch/msd-lung --saveto downloads/msd-lung/"), text);
        assertTrue(text.contains("medfetch adopt msd-lung downloads/msd-lung/"), text);
    }

    @Test
    void baiduShareWithoutCodeSaysSo() {
        String text = steps("X", "https://pan.baidu.com/s/1abc");
        assertTrue(text.contains("carries no extraction code"), text);
        assertTrue(text.contains("transfer \"https://pan.baidu.com/s/1abc\" <extraction code>"), text);
    }

    @Test
    void aiStudioNamesTheTokenAndTheLoginPath() {
        String text = steps("CheXpert", "https://aistudio.baidu.com/datasetdetail/35660");
        assertTrue(text.contains("AISTUDIO_ACCESS_TOKEN"), text);
        assertTrue(text.contains("https://aistudio.baidu.com/datasetdetail/35660"), text);
        assertTrue(text.contains("log in to https://aistudio.baidu.com"), text);
    }

    @Test
    void openDataLabNamesAkSkAndTheForm() {
        String text = steps("HC18", "https://opendatalab.com/OpenDataLab/HC18/tree/main");
        assertTrue(text.contains("OPENXLAB_AK"), text);
        assertTrue(text.contains("~/.openxlab/config.json"), text);
        assertTrue(text.contains("申请"), text);
        assertTrue(text.contains("dataset_repo='OpenDataLab/HC18'"), text);
    }

    @Test
    void kaggleCompetitionNamesCredentialsAndRulesPage() {
        String text = steps("PANDA", "https://www.kaggle.com/c/prostate-cancer-grade-assessment/data");
        assertTrue(text.contains("kaggle.json"), text);
        assertTrue(text.contains("KAGGLE_USERNAME"), text);
        assertTrue(text.contains("https://www.kaggle.com/competitions/prostate-cancer-grade-assessment/rules"), text);
        String dataset = steps("Bone", "https://www.kaggle.com/datasets/kmader/rsna-bone-age");
        assertTrue(!dataset.contains("/rules"), dataset);
    }

    @Test
    void megaNamesMegatoolsWithTheFullLink() {
        String text = steps("MMWHS", "https://mega.nz/folder/UNMF2YYI#1cqJVzo4p_wESv9P_pc8uA");
        assertTrue(text.contains("megatools dl --path downloads/mmwhs/ 'https://mega.nz/folder/UNMF2YYI#1cqJVzo4p_wESv9P_pc8uA'"), text);
    }

    @Test
    void informationPagesSayTheyAreNotDataHosts() {
        assertTrue(steps("ADNI", "https://blog.csdn.net/x/article/details/1").contains("CSDN blog article, not a data host"));
        assertTrue(steps("T", "https://www.notion.so/page-1?pvs=21").contains("Notion page, not a data host"));
    }

    @Test
    void heyWhaleAndProjectPages() {
        assertTrue(steps("ODIR-5K", "https://www.heywhale.com/mw/dataset/5e9").contains("Log in at https://www.heywhale.com"));
        String mhist = steps("MHIST", "https://bmirds.github.io/MHIST/");
        assertTrue(mhist.contains("Open https://bmirds.github.io/MHIST/"), mhist);
        assertTrue(mhist.contains("e-mail"), mhist);
    }

    @Test
    void everyManualStepListEndsWithAdopt() {
        for (String link : new String[] {"https://pan.baidu.com/s/1a?pwd=1", "https://mega.nz/folder/a#b",
            "https://www.heywhale.com/x", "https://blog.csdn.net/a", "https://bmirds.github.io/M/"}) {
            String text = steps("Some Data", link);
            assertTrue(text.strip().endsWith("medfetch adopt some-data downloads/some-data/"), text);
        }
    }

    @Test
    void renderNumbersTheSteps() {
        Instructions i = new Instructions("Why.", java.util.List.of("one", "two"));
        assertEquals("Why." + System.lineSeparator() + "  1. one" + System.lineSeparator() + "  2. two", i.render());
    }
}
