package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.LinkIssue;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Baidu AI Studio datasets ({@code aistudio.baidu.com/datasetdetail/N}). With an access token the
 * dataset's file list and signed per-file URLs come from its (undocumented) API; without one a person
 * downloads the files in the browser. Each file's stable URL is its signing endpoint: before every
 * attempt, {@link #authorize} asks it for a fresh signed URL, since those expire.
 *
 * <p>Reference: none official; endpoints as used by third-party downloaders (see hosts.md).
 */
public final class AiStudioResolver implements Resolver, AuthorizesDownloads {

    public static final Host HOST = Host.named("aistudio", "api with an access token, else manual; competitions "
            + "manual").api("https://aistudio.baidu.com").domains("aistudio.baidu.com")
            .examples("https://aistudio.baidu.com/datasetdetail/35660",
                    "https://aistudio.baidu.com/competition/detail/1102/0/introduction").credentials(AiStudioToken.SOURCES)
            .accountRequired();
    public static final String NAME = HOST.name();
    /** A competition page: its data is downloaded by a signed-up person from the competition's 数据集 tab. */
    private static final Pattern COMPETITION = Pattern.compile("/(?:aistudio/)?competition/detail/(\\d+)(?:/.*)?");
    private static final Pattern DATASET = Pattern.compile("/(?:aistudio/)?(?:datasetdetail|studio/dataset/detail)/(\\d+)(?:/.*)?");

    private final HostClient api;
    private final HttpUrl base;
    private final AiStudioToken token;

    public AiStudioResolver(HostContext context) {
        this.api = context.client("AI Studio", "Check the AI Studio access token (medfetch resolvers lists "
                + "where it is read); create a new one in your AI Studio account (访问令牌) if it expired.");
        this.base = context.api(HOST);
        this.token = new AiStudioToken(context.user());
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "aistudio.baidu.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        Matcher competition = COMPETITION.matcher(link.getPath() == null ? "" : link.getPath());
        if (competition.matches()) {
            return Classification.manual(NAME, competition(entry, link, competition.group(1)));
        }
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
            Classification offline = classify(entry, link);
            return offline.linkClass() == LinkClass.MANUAL ? new Resolution.Manual(offline.instructions())
                    : new Resolution.Unavailable(offline.reason());
        }
        Optional<Secret> secret = token.get();
        if (secret.isEmpty()) {
            return new Resolution.Manual(instructions(entry, id));
        }
        HttpUrl detailUrl = base.newBuilder().addPathSegments("studio/dataset/detail").build();
        AiStudioApi.Detail detail = api.postForm(detailUrl, Map.of("datasetId", id),
                Map.of("Authorization", secret.get().reveal()), AiStudioApi.Detail.class);
        if (detail.errorCode() == null || detail.errorCode() != 0) {
            throw refused(detail.errorCode(), detail.errorMsg(), "the file list of dataset " + id);
        }
        if (detail.result() == null || detail.result().fileList() == null) {
            throw api.unexpected("the detail of dataset " + id + " has no result.fileList");
        }
        List<Source> sources = new ArrayList<>();
        for (AiStudioApi.FileRef file : detail.result().fileList()) {
            if (file.fileId() == null || file.fileName() == null) {
                throw api.unexpected("a file of dataset " + id + " has no fileId or fileName");
            }
            URI signing = base.newBuilder().addPathSegments("llm/files/datasets").addPathSegment(id)
                    .addPathSegment("file").addPathSegment(file.fileId().toString()).addPathSegment("download").build()
                    .uri();
            sources.add(new Source.HttpSource(signing, RemotePath.of(file.fileName(), api), file.fileSize(), List.of(),
                    NAME));
        }
        if (sources.isEmpty()) {
            throw api.unexpected("dataset " + id + " lists no files");
        }
        String page = "https://aistudio.baidu.com/datasetdetail/" + id;
        return new Resolution.Fetch(sources, null, new DatasetInfo(detail.result().datasetName(), null, null, null,
                page), Map.of());
    }

    /** Asks the file's signing endpoint for a signed URL, valid for a while; called before every attempt. */
    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "AI Studio");
        Secret secret = token.get().orElseThrow(() -> new ResolveException("the AI Studio access token is gone; "
                + "medfetch reads it from " + String.join(", ", AiStudioToken.SOURCES), false));
        AiStudioApi.Signed signed = api.get(HttpUrl.get(stableUrl.toString()), Map.of("Authorization", secret.reveal()),
                AiStudioApi.Signed.class);
        if (signed.errorCode() == null || signed.errorCode() != 0) {
            throw refused(signed.errorCode(), signed.errorMsg(), "a signed URL");
        }
        if (signed.result() == null) {
            throw api.unexpected("the signing answer has no result.fileUrl");
        }
        return new Authorizer.Authorized(api.link(signed.result().fileUrl(), "result.fileUrl"), Map.of());
    }

    /** A non-zero errorCode, with the server's own text (masked by {@link HostAnswer} like every answer). */
    private static ResolveException refused(Integer code, String message, String what) {
        String text = HostAnswer.shorten(message);
        return new ResolveException("AI Studio refused " + what + " (errorCode " + code + "): " + text
                + ". Check the access token (" + String.join(", ", AiStudioToken.SOURCES) + ").", false);
    }

    static String datasetId(URI link) {
        Matcher m = DATASET.matcher(link.getPath() == null ? "" : link.getPath());
        return m.matches() ? m.group(1) : null;
    }

    private static Instructions competition(CatalogEntry entry, URI link, String number) {
        return new Instructions("AI Studio competition " + number + ": its data is downloaded by a signed-up "
                + "participant in the browser.", List.of(
                "Log in to https://aistudio.baidu.com with a Baidu account, open " + link + " and sign up "
                        + "(报名) for the competition",
                "Download every file of its 数据集 (dataset) tab",
                Steps.putFilesIn(entry),
                Steps.adopt(entry)));
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
