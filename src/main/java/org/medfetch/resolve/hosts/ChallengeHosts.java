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
}
