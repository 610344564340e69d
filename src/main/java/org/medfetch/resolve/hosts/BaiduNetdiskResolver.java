package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.Resolver;

/**
 * Baidu netdisk shares ({@code pan.baidu.com/s/<surl>?pwd=<code>}). There is no anonymous download:
 * a person logs in with the BaiduPCS-Go client, transfers the share into their own netdisk and
 * downloads it from there, then medfetch adopts the files.
 *
 * <p>Reference: https://github.com/qjfoidnh/BaiduPCS-Go (README: 登录百度帐号, 转存文件/目录, 下载文件/目录)
 */
public final class BaiduNetdiskResolver implements Resolver {

    public static final String NAME = "baidu-netdisk";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "pan.baidu.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.manual(NAME, instructions(entry, link));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) {
        return new Resolution.Manual(instructions(entry, link));
    }

    private static Instructions instructions(CatalogEntry entry, URI link) {
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
