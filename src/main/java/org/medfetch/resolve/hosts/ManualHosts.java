package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;

/** The hosts whose links always need a person, as data: what each is, which links, which steps. */
public final class ManualHosts {

    /**
     * Baidu netdisk shares ({@code pan.baidu.com/s/<surl>?pwd=<code>}): no anonymous download; a person
     * transfers the share into their own netdisk with BaiduPCS-Go and downloads it from there.
     * Reference: https://github.com/qjfoidnh/BaiduPCS-Go (README: 登录百度帐号, 转存文件/目录, 下载文件/目录)
     */
    public static final ManualHost BAIDU_NETDISK = new ManualHost(Host.named("baidu-netdisk",
            "manual: BaiduPCS-Go commands with the share's extraction code").domains("pan.baidu.com")
            .examples("https://pan.baidu.com/s/1rBuPSrmkejpYFA321er20A?pwd=6666"),
            link -> HostName.within(link, "pan.baidu.com"), ManualHosts::baidu);

    /**
     * MEGA: encrypted in the client with the key after '#', so a plain GET is useless; megatools decrypts.
     * Reference: megatools-dl(1), https://megatools.megous.com/man/megatools-dl.html
     */
    public static final ManualHost MEGA = new ManualHost(Host.named("mega", "manual: megatools command")
            .domains("mega.nz", "mega.co.nz").examples("https://mega.nz/folder/UNMF2YYI#1cqJVzo4p_wESv9P_pc8uA"),
            link -> HostName.within(link, "mega.nz") || HostName.within(link, "mega.co.nz"),
            (entry, link) -> new Instructions("MEGA link: the files are encrypted in the browser; download them "
                    + "with megatools.", List.of(
                    "Install megatools 1.10.3 or later (Debian/Ubuntu: sudo apt-get install megatools)",
                    "Download into the dataset folder (resume is the default): mkdir -p " + Steps.folder(entry)
                            + " && megatools dl --path " + Steps.folder(entry) + " '" + link + "'",
                    "Older megatools (megadl) need the old link form https://mega.nz/#F!<id>!<key>",
                    Steps.adopt(entry))));

    /** HeyWhale (和鲸社区): no public API or client is known. Reference: https://www.heywhale.com */
    public static final ManualHost HEYWHALE = new ManualHost(Host.named("heywhale", "manual: log in and download")
            .domains("heywhale.com").examples("https://www.heywhale.com/mw/dataset/5e95e3ede7ec38002d0351f6"),
            link -> HostName.within(link, "heywhale.com"),
            (entry, link) -> new Instructions("HeyWhale dataset: downloads need a HeyWhale account and a browser.",
                    List.of("Log in at https://www.heywhale.com (和鲸社区)",
                            "Open " + link + " and download each file from its 数据集 panel",
                            Steps.putFilesIn(entry), Steps.adopt(entry))));

    /**
     * Project pages on GitHub Pages: they say how to request the data (a form; links arrive by e-mail).
     * Reference: https://bmirds.github.io/MHIST/#accessing-dataset (an example of such a page)
     */
    public static final ManualHost PROJECT_PAGE = new ManualHost(Host.named("project-page",
            "manual: request access through the page").domains("github.io")
            .examples("https://bmirds.github.io/MHIST/"),
            link -> HostName.within(link, "github.io"),
            (entry, link) -> new Instructions("Project page: access is requested through the page (usually a "
                    + "form; the download links then arrive by e-mail).", List.of(
                    "Open " + link + " and follow its access instructions (fill in the form, accept the agreement)",
                    "When the links arrive, run: medfetch add <link>... for direct links, or download the files "
                            + "into " + Steps.folder(entry),
                    Steps.adopt(entry))));

    /**
     * Pages that describe a dataset but do not host it: Notion pages, CSDN blog articles and Papers with
     * Code dataset pages.
     */
    public static final ManualHost INFO_PAGE = new ManualHost(Host.named("info-page",
            "manual: an article about the data; follow it to the download").domains("notion.so", "notion.site",
            "csdn.net", "paperswithcode.com").examples("https://www.notion.so/HTTP-POST-0e0a4ca7ff594009b830b3c736964224",
                    "https://paperswithcode.com/dataset/fire"),
            link -> HostName.within(link, "notion.so") || HostName.within(link, "notion.site")
                    || HostName.within(link, "csdn.net") || HostName.within(link, "paperswithcode.com"),
            (entry, link) -> pointsOn(entry, link, HostName.within(link, "csdn.net") ? "a CSDN blog article"
                    : HostName.within(link, "paperswithcode.com") ? "a Papers with Code page (its Homepage and "
                    + "Download links lead to the data)" : "a Notion page"));

    /**
     * "View" links of online office suites: Google Docs/Sheets/Slides, OneDrive and SharePoint show a
     * document in the browser; the link is a page, not the file.
     */
    public static final ManualHost DOCUMENT_VIEW = new ManualHost(Host.named("document-view",
            "manual: a document shown in the browser (Google Docs, OneDrive, SharePoint)")
            .domains("docs.google.com", "onedrive.live.com", "1drv.ms", "sharepoint.com")
            .examples("https://docs.google.com/spreadsheets/d/1xYzAbC/edit#gid=0",
                    "https://onedrive.live.com/?cid=ABC123&id=ABC123%21105", "https://1drv.ms/u/s!AbCdEf",
                    "https://contoso.sharepoint.com/:u:/g/personal/someone/EabcDEF?e=xyz"),
            link -> HostName.within(link, "docs.google.com") || HostName.within(link, "onedrive.live.com")
                    || HostName.within(link, "1drv.ms") || HostName.within(link, "sharepoint.com"),
            (entry, link) -> new Instructions("The link shows a document in the browser (" + HostName.host(link)
                    + "): it is a page, not the file.", List.of(
                    "Open " + link + " and use its Download (or File → Download) menu",
                    Steps.putFilesIn(entry), Steps.adopt(entry))));

    /**
     * Web forms a data owner asks requesters to fill in (Qualtrics, Google Forms, Microsoft Forms, Jotform,
     * Typeform, SurveyMonkey, Tencent 问卷 and 问卷星, and REDCap surveys on any server): the download link
     * comes afterwards, usually by e-mail. Reference (REDCap's public survey links,
     * {@code /surveys/?s=<hash>}): https://projectredcap.org/software/ ("Online Surveys").
     */
    public static final ManualHost WEB_FORM = new ManualHost(Host.named("web-form",
            "manual: a request form (Qualtrics, Google/Microsoft Forms, Jotform, 问卷星, REDCap...); the link comes by e-mail")
            .domains("*.qualtrics.com/jfe/form", "docs.google.com/forms", "forms.gle", "forms.office.com",
                    "forms.microsoft.com", "jotform.com", "typeform.com", "surveymonkey.com", "wj.qq.com", "wjx.cn",
                    "wjx.top", "REDCap /surveys/?s=")
            .examples("https://uiowa.qualtrics.com/jfe/form/SV_a3mc5H4SG2B3e2p?Q_JFE=qdg",
                    "https://docs.google.com/forms/d/e/1FAIpQLSc1FbLkm8Tw0S6yA/viewform", "https://forms.gle/8Q1bR2cD3eF4",
                    "https://forms.office.com/r/AbC1dE2fGh", "https://form.jotform.com/231234567890123",
                    "https://www.wjx.cn/vm/Q1aBcDe.aspx", "https://redcap.example.edu/surveys/?s=ABCD1234EF"),
            ManualHosts::form, (entry, link) -> new Instructions("A request form (" + HostName.host(link) + "): the "
                    + "data owner shares the download after it is filled in.", List.of(
                    "Open " + link + " and fill in the form (name, institution, intended use; some ask you to sign a "
                            + "data use agreement)",
                    "Wait for the answer: the download link usually arrives by e-mail, sometimes after the owners "
                            + "approve the request",
                    "Run: medfetch add <the link you receive> (medfetch knows most hosts it may point to), or "
                            + "download the files into " + Steps.folder(entry),
                    Steps.adopt(entry))));

    private ManualHosts() {
    }

    /** The steps for a page that only points on to the data. */
    static Instructions pointsOn(CatalogEntry entry, URI link, String what) {
        return new Instructions("The link is " + what + ", not a data host: the real download is somewhere it "
                + "points to.", List.of(
                "Open " + link + " and follow it to the actual download (often a netdisk share)",
                "If that is a direct file link, run: medfetch add <that link>; otherwise download the files into "
                        + Steps.folder(entry),
                Steps.adopt(entry)));
    }

    private static boolean form(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        return HostName.within(link, "qualtrics.com") && path.startsWith("/jfe/form/")
                || HostName.within(link, "docs.google.com") && path.startsWith("/forms/")
                || List.of("forms.gle", "forms.office.com", "forms.microsoft.com", "jotform.com", "typeform.com",
                "surveymonkey.com", "wj.qq.com", "wjx.cn", "wjx.top").stream().anyMatch(d -> HostName.within(link, d))
                || path.endsWith("/surveys/") && HostName.query(link, "s") != null;
    }

    private static Instructions baidu(CatalogEntry entry, URI link) {
        String code = HostName.query(link, "pwd");
        String netdiskFolder = "/medfetch/" + entry.id();
        List<String> steps = new ArrayList<>();
        steps.add("Share link: " + link + (code != null ? "  extraction code (提取码): " + code
                : "  (the link carries no extraction code; the share page asks for one if it needs it)"));
        steps.add("Install the BaiduPCS-Go client: https://github.com/qjfoidnh/BaiduPCS-Go/releases");
        steps.add("Log in with the cookies of a browser that is logged in to pan.baidu.com: "
                + "BaiduPCS-Go login -cookies=\"<cookie string>\" (or -bduss=<BDUSS> -stoken=<STOKEN>; "
                + "STOKEN is the pan.baidu.com cookie, not bdstoken)");
        steps.add("Transfer (转存) the share into an empty folder of your own netdisk (needs free quota): "
                + "BaiduPCS-Go mkdir " + netdiskFolder + " && BaiduPCS-Go cd " + netdiskFolder
                + " && BaiduPCS-Go transfer \"" + link + "\"" + (code != null ? "" : " <extraction code>"));
        steps.add("Download it into the dataset folder: BaiduPCS-Go download " + netdiskFolder + " --saveto "
                + Steps.folder(entry));
        steps.add(Steps.adopt(entry));
        return new Instructions("Baidu netdisk share: no anonymous download; fetch it with BaiduPCS-Go and a "
                + "Baidu account.", steps);
    }
}
