package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.Set;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;

/**
 * OpenDataLab datasets ({@code opendatalab.com/OpenDataLab/NAME}), served by OpenXLab. With an
 * OpenXLab AccessKey/SecretKey the file list (with SHA-256) and signed URLs come from its API; many
 * datasets also need a form filled in once on the website.
 *
 * <p>Reference: https://openxlab.org.cn/docs/developers/数据集/数据集CLI（命令行工具）.html
 */
public final class OpenDataLabResolver implements Resolver {

    public static final String NAME = "opendatalab";
    private static final Set<String> TABS = Set.of("tree", "explore", "cli", "blob", "files");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "opendatalab.com")
                || HostName.within(link, "opendatalab.org.cn") || HostName.within(link, "openxlab.org.cn"));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        List<String> repo = repository(link);
        if (repo == null) {
            String reason = link + " names no dataset (expected opendatalab.com/OWNER/NAME)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset page"));
        }
        Classification result = Classification.of(LinkClass.API, NAME).withInstructions(instructions(entry, repo));
        List<String> s = HostName.segments(link);
        int tab = s.indexOf(repo.get(1)) + 1;
        if (tab < s.size() && !TABS.contains(s.get(tab))) {
            result = result.withIssue(new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK,
                    "the link is cut off after the dataset name ('" + s.get(tab) + "')",
                    "use https://opendatalab.com/" + repo.get(0) + "/" + repo.get(1) + "; medfetch only needs the name"));
        }
        return result;
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> repo = repository(link);
        if (repo == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        return new Resolution.Manual(instructions(entry, repo));
    }

    /** OWNER and NAME, or null. openxlab.org.cn links carry a leading "datasets" segment. */
    static List<String> repository(URI link) {
        List<String> s = HostName.segments(link);
        if (!s.isEmpty() && s.get(0).equals("datasets")) {
            s = s.subList(1, s.size());
        }
        return s.size() >= 2 ? List.of(s.get(0), s.get(1)) : null;
    }

    static Instructions instructions(CatalogEntry entry, List<String> repo) {
        String name = repo.get(0) + "/" + repo.get(1);
        return new Instructions("OpenDataLab dataset " + name + ": automatic with an OpenXLab AccessKey/SecretKey "
                + "once any form the dataset asks for is filled in.", List.of(
                "Open https://opendatalab.com/" + name + " while logged in and complete any 申请 / 信息 form it asks for",
                "Automatic: get an AccessKey and SecretKey at https://openxlab.org.cn (user centre → 密钥管理), "
                        + "export OPENXLAB_AK=<ak> OPENXLAB_SK=<sk> (or write {\"ak\":…,\"sk\":…} to "
                        + "~/.openxlab/config.json), then run: medfetch add " + entry.id(),
                "By hand instead: pip install -U openxlab, then in Python: import openxlab; openxlab.login(ak=…, sk=…); "
                        + "openxlab.dataset.get(dataset_repo='" + name + "', target_path='" + Steps.folder(entry) + "')",
                Steps.adopt(entry)));
    }
}
