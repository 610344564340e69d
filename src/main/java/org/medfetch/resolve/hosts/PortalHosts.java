package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;

/**
 * Data portals whose downloads need a person, as data: an account and agreement (IEEE DataPort,
 * Cardiac Atlas), a browser (Box shared folders), or a page whose data lives elsewhere, which the
 * steps name (the Medical Segmentation Decathlon's site, NITRC/INDI project pages and the INDI bucket).
 */
public final class PortalHosts {

    /** IEEE DataPort. Reference: https://ieee-dataport.org/help/dataport-faq */
    public static final ManualHost IEEE_DATAPORT = new ManualHost(Host.named("ieee-dataport",
            "manual: an IEEE account (open-access datasets) or a subscription, then Dataset Files")
            .domains("ieee-dataport.org").examples("https://ieee-dataport.org/open-access/indian-diabetic-retinopathy-image-dataset-idrid"),
            link -> HostName.within(link, "ieee-dataport.org"),
            (entry, link) -> new Instructions("IEEE DataPort: files are downloaded by logged-in users; open-access "
                    + "datasets need a free IEEE account, standard ones a DataPort subscription.", List.of(
                    "Create or sign in to an IEEE account: https://ieee-dataport.org (Login)",
                    "Open " + link + " and download the files listed under Dataset Files (large ones come as signed "
                            + "links that expire: start each from the page)",
                    Steps.putFilesIn(entry), Steps.adopt(entry))));

    /** Cardiac Atlas Project. Reference: https://www.cardiacatlas.org/ (data access pages) */
    public static final ManualHost CARDIAC_ATLAS = new ManualHost(Host.named("cardiac-atlas",
            "manual: register and accept the data sharing terms; challenge data from its challenge page")
            .domains("cardiacatlas.org").examples("https://www.cardiacatlas.org/sunnybrook-cardiac-data/"),
            link -> HostName.within(link, "cardiacatlas.org"),
            (entry, link) -> new Instructions("Cardiac Atlas Project: its datasets are shared after registration and "
                    + "acceptance of its data use terms.", List.of(
                    "Open " + link + " and follow its access instructions (a registration or request form; some "
                            + "sets are linked to Kaggle, Synapse or a challenge page)",
                    "If the page links to a host medfetch knows, run: medfetch add <that link>",
                    Steps.putFilesIn(entry), Steps.adopt(entry))));

    /**
     * Box shared links ({@code <org>.app.box.com/v/<name>}, {@code app.box.com/s/<id>}): the public page
     * offers per-file and whole-folder downloads in a browser; the API needs an app token.
     * Reference: https://developer.box.com/guides/shared-links/
     */
    public static final ManualHost BOX = new ManualHost(Host.named("box", "manual: download from the shared "
            + "folder in a browser").domains("app.box.com", "*.app.box.com", "box.com/s/")
            .examples("https://nihcc.app.box.com/v/ChestXray-NIHCC", "https://app.box.com/s/d2a5dxvvrkhxz3xjkb6cwh2ukd3vvdv5"),
            link -> HostName.within(link, "box.com") && (link.getPath().startsWith("/v/") || link.getPath().startsWith("/s/")
                    || link.getPath().startsWith("/folder/")),
            (entry, link) -> new Instructions("Box shared folder: Box serves it to browsers (its API needs an app token).",
                    List.of("Open " + link + " and download each file, or the whole folder with Download (Box zips "
                                    + "folders up to its size limit, so download large sub-folders one by one)",
                            "medfetch show " + entry.id() + " lists open mirrors of this dataset when the registry has one",
                            Steps.putFilesIn(entry), Steps.adopt(entry))));

    /**
     * medicaldecathlon.com: the ten tasks are downloaded from the AWS open-data bucket MONAI uses, which
     * the mirror registry names (MSD Brain ... MSD Colon, with MD5 and SHA-256).
     * Reference: Project-MONAI/MONAI monai/apps/datasets.py (DecathlonDataset.resource)
     */
    public static final ManualHost MEDICAL_DECATHLON = new ManualHost(Host.named("medical-decathlon",
            "manual: the site; the ten tasks are open tar files in the MSD bucket (mirror registry)")
            .domains("medicaldecathlon.com").examples("http://medicaldecathlon.com/", "http://medicaldecathlon.com/#tasks"),
            link -> HostName.within(link, "medicaldecathlon.com"),
            (entry, link) -> new Instructions("Medical Segmentation Decathlon site: the tasks themselves are open tar "
                    + "files (Creative Commons BY-SA 4.0) in the bucket msd-for-monai.", List.of(
                    "Fetch a task from the bundled catalog, verified against its published MD5 and SHA-256: medfetch get "
                            + "msd-brain (also msd-heart, msd-liver, msd-hippocampus, msd-prostate, msd-lung, msd-pancreas, "
                            + "msd-hepatic-vessels, msd-spleen, msd-colon)",
                    "Or any task by its file: medfetch add https://msd-for-monai.s3-us-west-2.amazonaws.com/Task01_BrainTumour.tar "
                            + "(Task02_Heart, Task03_Liver, Task04_Hippocampus, Task05_Prostate, Task06_Lung, Task07_Pancreas, "
                            + "Task08_HepaticVessel, Task09_Spleen, Task10_Colon)")));

    /**
     * INDI projects on NITRC whose data is in the open bucket fcp-indi, by their page's folder. Sources:
     * preprocessed-connectomes-project/abide download_abide_preproc.py (ABIDE_Initiative); FCP-INDI/C-PAC
     * tests (ABIDE/RawDataBIDS, ADHD200/RawDataBIDS, HBN); NKI-Rockland users' scripts (RocklandSample).
     */
    static final Map<String, String> INDI_BUCKET = Map.of(
            "abide", "s3://fcp-indi/data/Projects/ABIDE/",
            "adhd200", "s3://fcp-indi/data/Projects/ADHD200/",
            "enhanced", "s3://fcp-indi/data/Projects/RocklandSample/",
            "cmi_healthy_brain_network", "s3://fcp-indi/data/Projects/HBN/");

    /** NITRC project pages and the INDI pages of fcon_1000.projects.nitrc.org (data files stay "direct"). */
    public static final ManualHost NITRC = new ManualHost(Host.named("nitrc",
            "manual: NITRC/INDI project pages; INDI projects in the fcp-indi bucket get its s3:// link")
            .domains("nitrc.org", "fcon_1000.projects.nitrc.org")
            .examples("http://fcon_1000.projects.nitrc.org/indi/abide/abide_I.html",
                    "https://www.nitrc.org/projects/ixi_dataset/"),
            link -> HostName.within(link, "nitrc.org") && !dataFile(link), PortalHosts::nitrc);

    /**
     * Journal articles and preprints: the data is wherever the article's "Data availability" (or "Data
     * Records") section says.
     */
    public static final ManualHost ARTICLE = new ManualHost(Host.named("article",
            "manual: a paper; its Data availability section names the data's host")
            .domains("nature.com", "sciencedirect.com", "springer.com", "arxiv.org", "ncbi.nlm.nih.gov", "mdpi.com",
                    "frontiersin.org", "biorxiv.org", "medrxiv.org", "wiley.com", "ieeexplore.ieee.org")
            .examples("https://www.nature.com/articles/s41597-022-01905-2", "https://arxiv.org/abs/2106.05735"),
            link -> List.of("nature.com", "sciencedirect.com", "springer.com", "arxiv.org", "ncbi.nlm.nih.gov",
                    "mdpi.com", "frontiersin.org", "biorxiv.org", "medrxiv.org", "wiley.com", "ieeexplore.ieee.org")
                    .stream().anyMatch(d -> HostName.within(link, d)) && !dataFile(link) && !link.getPath().endsWith(".pdf"),
            (entry, link) -> new Instructions("The link is a paper, not a data host: the data is where its Data "
                    + "availability (or Data Records) section points.", List.of(
                    "Open " + link + " and find its Data availability / Data Records / Code and data section",
                    "Run: medfetch add <the data link it gives> (Zenodo, Figshare, PhysioNet, Synapse, a bucket, ...)",
                    Steps.adopt(entry))));

    /**
     * Stanford AIMI's shared datasets ({@code stanfordaimi.azurewebsites.net/datasets/<uuid>}: CheXpert,
     * EchoNet, COCA...): a free account and the Stanford University Dataset Research Use Agreement, then the
     * page gives an Azure Blob link. Reference: https://aimi.stanford.edu/shared-datasets
     */
    public static final ManualHost STANFORD_AIMI = new ManualHost(Host.named("stanford-aimi",
            "manual: sign in, accept the research use agreement, download with the page's Azure link (azcopy)")
            .domains("stanfordaimi.azurewebsites.net")
            .examples("https://stanfordaimi.azurewebsites.net/datasets/8cbd9ed4-2eb9-4565-affc-111cf4f7ebe2"),
            link -> HostName.within(link, "stanfordaimi.azurewebsites.net"),
            (entry, link) -> new Instructions("Stanford AIMI dataset: downloads are for signed-in users who accepted "
                    + "its Research Use Agreement (non-commercial research).", List.of(
                    "Open " + link + ", create a free account or sign in",
                    "Read and accept the Stanford University Dataset Research Use Agreement shown there",
                    "Copy the download link the page then gives (an Azure Blob Storage link with a time-limited token) "
                            + "and download into " + Steps.folder(entry) + ": small datasets in the browser, large ones "
                            + "with azcopy copy '<link>' " + Steps.folder(entry) + " --recursive",
                    Steps.adopt(entry))));

    /**
     * OASIS brain MRI (oasis-brains.org): OASIS-1 and OASIS-2 are open archives at download.nrg.wustl.edu
     * (MONAI's tutorials fetch oasis_cross-sectional_disc1.tar.gz, MD5 c83e216ef8654a7cc9e2a30a4cdbe0cc);
     * OASIS-3 and OASIS-4 are shared after an application that accepts the OASIS Data Use Agreement.
     * Reference: https://www.oasis-brains.org/#data; Project-MONAI/tutorials (OASIS-1 disc 1 and its MD5)
     */
    public static final ManualHost OASIS = new ManualHost(Host.named("oasis",
            "manual: OASIS-1/2 as open archives (links given); OASIS-3/4 after the data use agreement")
            .domains("oasis-brains.org").examples("https://www.oasis-brains.org/#data"),
            link -> HostName.within(link, "oasis-brains.org"),
            (entry, link) -> new Instructions("OASIS brain MRI: OASIS-1 (cross-sectional) and OASIS-2 (longitudinal) "
                    + "are open archives; OASIS-3 and OASIS-4 need an accepted application under the OASIS Data Use "
                    + "Agreement, and every use must follow its terms (cite OASIS, no re-identification).", List.of(
                    "OASIS-1 (12 discs): medfetch add https://download.nrg.wustl.edu/data/oasis_cross-sectional_disc1.tar.gz "
                            + "... https://download.nrg.wustl.edu/data/oasis_cross-sectional_disc12.tar.gz",
                    "OASIS-2: medfetch add https://download.nrg.wustl.edu/data/OAS2_RAW_PART1.tar.gz "
                            + "https://download.nrg.wustl.edu/data/OAS2_RAW_PART2.tar.gz",
                    "OASIS-3/OASIS-4: open " + link + ", read the Data Use Agreement and apply; the approval names where "
                            + "the data is downloaded, into " + Steps.folder(entry),
                    Steps.adopt(entry))));

    private PortalHosts() {
    }

    private static boolean dataFile(URI link) {
        String path = link.getPath() == null ? "" : link.getPath().toLowerCase(java.util.Locale.ROOT);
        return path.matches(".*\\.(zip|tar|tgz|gz|bz2|xz|7z|rar|nii|csv|tsv|txt|mat|npz|h5|dcm)$");
    }

    private static Instructions nitrc(CatalogEntry entry, URI link) {
        List<String> s = HostName.segments(link);
        int indi = s.indexOf("indi");
        String project = indi >= 0 && indi + 1 < s.size() ? s.get(indi + 1) : null;
        String page = s.isEmpty() ? "" : s.get(s.size() - 1).toLowerCase(java.util.Locale.ROOT);
        // ABIDE II has its own folder (ABIDE2; a public aws s3 ls of it, code search id 32430185151).
        String bucket = project == null ? null : "abide".equals(project) && page.startsWith("abide_ii")
                ? "s3://fcp-indi/data/Projects/ABIDE2/" : INDI_BUCKET.get(project);
        List<String> steps = new ArrayList<>();
        if (bucket != null) {
            steps.add("The project's data is in the open INDI bucket (no account): medfetch add " + bucket
                    + "<sub-folder>/ (e.g. RawDataBIDS/<site>/), or with the AWS CLI: aws s3 sync --no-sign-request "
                    + bucket + " " + Steps.folder(entry));
            if (bucket.endsWith("/ABIDE/")) {
                steps.add("ABIDE Preprocessed (Preprocessed Connectomes Project): medfetch add "
                        + "s3://fcp-indi/data/Projects/ABIDE_Initiative/Outputs/<pipeline>/<strategy>/<derivative>/ "
                        + "(e.g. cpac/filt_global/rois_cc200/)");
            }
            steps.add("Some phenotypic files need a free NITRC account and the project's data usage agreement: "
                    + "open " + link);
        } else {
            steps.add("Open " + link + " and follow its Downloads (NITRC file releases or NITRC-IR; some need a free "
                    + "NITRC account and a data usage agreement)");
            steps.add("For direct file links on the page, run: medfetch add <file link>");
        }
        steps.add(Steps.adopt(entry));
        return new Instructions("NITRC/INDI project page" + (bucket != null ? ": its data is in the fcp-indi bucket."
                : ": downloads are listed on the page."), steps);
    }
}
