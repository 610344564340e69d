package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Baidu AI Studio datasets ({@code aistudio.baidu.com/datasetdetail/N}). With an access token the
 * dataset's file list and signed per-file URLs come from its (undocumented) API; without one a person
 * downloads the files in the browser.
 *
 * <p>Reference: none official; endpoints as used by third-party downloaders (see hosts.md).
 */
public final class AiStudioResolver implements Resolver {

    public static final String NAME = "aistudio";
    private static final Pattern DATASET = Pattern.compile("/(?:aistudio/)?(?:datasetdetail|studio/dataset/detail)/(\\d+)(?:/.*)?");

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "aistudio.baidu.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        String id = datasetId(link);
        if (id == null) {
            String reason = "the AI Studio link " + link + " has no dataset id (it should end in datasetdetail/<number>)";
            return Classification.unavailable(NAME, reason, new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK, reason,
                    "search https://aistudio.baidu.com/datasetoverview for '" + entry.name()
                            + "' and use its https://aistudio.baidu.com/datasetdetail/<id> link"));
        }
        return Classification.of(LinkClass.API, NAME).withInstructions(instructions(entry, id));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String id = datasetId(link);
        if (id == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        return new Resolution.Manual(instructions(entry, id));
    }

    static String datasetId(URI link) {
        Matcher m = DATASET.matcher(link.getPath() == null ? "" : link.getPath());
        return m.matches() ? m.group(1) : null;
    }

    private static Instructions instructions(CatalogEntry entry, String id) {
        return new Instructions("AI Studio dataset " + id + ": automatic with an AI Studio access token, "
                + "otherwise a person downloads it after logging in.", List.of(
                "Automatic: create an access token (访问令牌) in your AI Studio account, then export "
                        + "AISTUDIO_ACCESS_TOKEN=<token> (or save it in ~/.cache/aistudio/.auth/token) and run: "
                        + "medfetch add " + entry.id(),
                "By hand: log in to https://aistudio.baidu.com with a Baidu account, open "
                        + "https://aistudio.baidu.com/datasetdetail/" + id + " and download every file of its "
                        + "数据集 file list",
                Steps.putFilesIn(entry),
                Steps.adopt(entry)));
    }
}
