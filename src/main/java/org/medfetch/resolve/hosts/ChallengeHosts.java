package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;

/**
 * Challenge platforms, as data: their data sits behind a participant account and the challenge's rules,
 * which no client can accept for a person. Each gives the platform's own steps.
 */
public final class ChallengeHosts {

    /**
     * grand-challenge.org challenges ({@code <slug>.grand-challenge.org}): data is released to participants,
     * usually on the challenge's Data page, often hosted elsewhere (Zenodo, Synapse, a cloud bucket).
     * Reference: https://grand-challenge.org/documentation/participate-in-a-challenge/
     */
    public static final ManualHost GRAND_CHALLENGE = new ManualHost(Host.named("grand-challenge",
            "manual: join the challenge, then its Data page (often a Zenodo, Synapse or bucket link medfetch takes)")
            .domains("*.grand-challenge.org").examples("https://autopet.grand-challenge.org/",
                    "https://luna16.grand-challenge.org/data/", "https://grand-challenge.org/challenges/"),
            link -> HostName.within(link, "grand-challenge.org"), ChallengeHosts::grandChallenge);

    /** CodaLab and Codabench competitions. Reference: https://github.com/codalab/codabench/wiki */
    public static final ManualHost CODALAB = new ManualHost(Host.named("codalab",
            "manual: register for the competition, then its Files under Participate")
            .domains("codalab.org", "codalab.lisn.upsaclay.fr", "codabench.org")
            .examples("https://www.codabench.org/competitions/1847/",
                    "https://codalab.lisn.upsaclay.fr/competitions/9804", "https://competitions.codalab.org/competitions/17094"),
            link -> HostName.within(link, "codalab.org") || HostName.within(link, "codalab.lisn.upsaclay.fr")
                    || HostName.within(link, "codabench.org"),
            (entry, link) -> new Instructions("CodaLab/Codabench competition: the data is for registered participants.",
                    List.of("Sign in at " + HostName.host(link) + " (create an account if needed)",
                            "Open " + link + ", go to Participate and accept the terms (some competitions wait for the "
                                    + "organisers' approval)",
                            "Download the data from Participate → Files (or Get Data); if it links to another host "
                                    + "(Zenodo, Google Drive, a bucket), run: medfetch add <that link>",
                            Steps.putFilesIn(entry), Steps.adopt(entry))));

    /** Alibaba Cloud Tianchi datasets and competitions. Reference: https://tianchi.aliyun.com/dataset */
    public static final ManualHost TIANCHI = new ManualHost(Host.named("tianchi",
            "manual: log in with an Alibaba Cloud account, accept the terms, download from the page")
            .domains("tianchi.aliyun.com").examples("https://tianchi.aliyun.com/dataset/90694",
                    "https://tianchi.aliyun.com/competition/entrance/231601/information"),
            link -> HostName.within(link, "tianchi.aliyun.com"),
            (entry, link) -> new Instructions("Tianchi (天池) " + (link.getPath().contains("competition")
                    ? "competition" : "dataset") + ": downloads need a logged-in Alibaba Cloud (Aliyun) account.",
                    List.of("Log in at https://tianchi.aliyun.com (登录; competitions also ask for real-name verification, 实名认证)",
                            "Open " + link + (link.getPath().contains("competition")
                                    ? ", sign up for the competition (报名参赛) and open its 赛题与数据 tab"
                                    : " and accept the dataset's licence (同意协议)"),
                            "Download each file (下载); the links are signed and expire, so start them from the page",
                            Steps.putFilesIn(entry), Steps.adopt(entry))));

    /**
     * The ISIC challenge sites of each year ({@code challenge2020.isic-archive.com}): their files are on the
     * challenge data page, which medfetch reads ({@code download-page}), in the open bucket isic-challenge-data
     * (one folder per year, as the mirror registry's rows show), and in the bundled catalog's ISIC mirrors.
     * Reference: https://challenge.isic-archive.com/data/
     */
    public static final ManualHost ISIC_CHALLENGE = new ManualHost(Host.named("isic-challenge",
            "manual: the year's files through the ISIC data page or its open bucket")
            .domains("challengeYYYY.isic-archive.com").examples("https://challenge2020.isic-archive.com/",
                    "https://challenge2024.isic-archive.com/"),
            link -> HostName.host(link).matches("challenge\\d{4}\\.isic-archive\\.com"), ChallengeHosts::isic);

    /**
     * The KiTS kidney tumour challenges (kits-challenge.org, kits19/kits21/kits23.kits-challenge.org): the
     * imaging is downloaded by the scripts of the challenge's GitHub repository. Reference: neheller/kits23
     * README ("pip3 install -e ." then "kits23_download_data"), neheller/kits19 README
     * ("python3 -m starter_code.get_imaging")
     */
    public static final ManualHost KITS = new ManualHost(Host.named("kits",
            "manual: the challenge repository's download script (neheller/kits19, kits21, kits23)")
            .domains("kits-challenge.org").examples("https://kits-challenge.org/kits23/",
                    "https://kits21.kits-challenge.org/"),
            link -> HostName.within(link, "kits-challenge.org"), ChallengeHosts::kits);

    private ChallengeHosts() {
    }

    private static Instructions grandChallenge(CatalogEntry entry, URI link) {
        String host = HostName.host(link);
        String challenge = host.equals("grand-challenge.org") || host.equals("www.grand-challenge.org")
                ? link.toString() : "https://" + host;
        return new Instructions("grand-challenge.org challenge: its data is released to participants who joined.",
                List.of("Sign in at https://grand-challenge.org (an account with a verified e-mail)",
                        "Open " + challenge + " and join the challenge (Join; some challenges approve requests by hand "
                                + "or ask for a signed agreement)",
                        "Open its Data (or Dataset) page, e.g. " + challenge + "/data/ ; most challenges host the files on "
                                + "Zenodo, Synapse, a cloud bucket or Google Drive: run medfetch add <that link>",
                        "Files offered only on the page: download them into " + Steps.folder(entry),
                        Steps.adopt(entry)));
    }

    private static Instructions isic(CatalogEntry entry, URI link) {
        String year = HostName.host(link).replaceAll("\\D", "");
        List<String> steps = new java.util.ArrayList<>();
        steps.add("The year's files from the challenge data page: medfetch add https://challenge.isic-archive.com/data/#"
                + year + " (the archives whose link names " + year + ")");
        steps.add("Or every file of the year from the open bucket: medfetch add s3://isic-challenge-data/" + year + "/");
        steps.add("If the data page lists none for " + year + ", open " + link + ": its Data section says where the "
                + "year's data is (some years were run on other platforms; medfetch add <that link>)");
        steps.add(Steps.adopt(entry));
        return new Instructions("ISIC " + year + " challenge site: its data is published on the ISIC challenge data "
                + "page and in the open bucket isic-challenge-data.", steps);
    }

    private static Instructions kits(CatalogEntry entry, URI link) {
        String text = HostName.host(link) + link.getPath();
        String edition = text.contains("kits19") ? "kits19" : text.contains("kits21") ? "kits21" : "kits23";
        String download = switch (edition) {
            case "kits19" -> "pip3 install -r requirements.txt && python3 -m starter_code.get_imaging";
            case "kits21" -> "pip3 install -e . , then the imaging download command its README gives";
            default -> "pip3 install -e . && kits23_download_data";
        };
        return new Instructions("KiTS challenge (" + edition + "): the imaging is downloaded by the script of the "
                + "challenge's repository; the labels are in the repository itself (CC BY-NC-SA).", List.of(
                "git clone https://github.com/neheller/" + edition + " && cd " + edition + " && " + download,
                "Move (or link) the downloaded case folders into " + Steps.folder(entry),
                Steps.adopt(entry),
                "medfetch show " + entry.id() + " lists open mirrors (KiTS19's imaging is on Hugging Face) when the "
                        + "registry has one"));
    }
}
