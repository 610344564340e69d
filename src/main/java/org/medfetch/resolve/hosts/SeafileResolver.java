package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Share links of any Seafile server, by link shape (Seahub's hexadecimal tokens): a file
 * {@code /f/<token>/}, downloaded with {@code ?dl=1} (its name and size asked once), and a folder
 * {@code /d/<token>/}, listed through Seahub's public dirents API, every sub-folder, each file downloaded
 * with {@code /d/<token>/files/?p=<path>&dl=1}. Seahub only zips a folder through a task that expires, so
 * files are fetched one by one, which also lets each resume. A password-protected link is for a person; a
 * site that does not answer as a share is left to the web page it then is.
 *
 * <p>Reference: haiwen/seahub seahub/urls.py ({@code ^f/(?P<token>[a-f0-9]+)/$},
 * {@code api/v2.1/share-links/<token>/dirents/}), seahub/views/file.py ({@code view_shared_file} and
 * {@code view_file_via_shared_dir}: {@code dl=1} downloads)
 */
public final class SeafileResolver implements Resolver {

    public static final Host HOST = Host.named("seafile", "http: Seafile share links on any server, a file, or "
            + "a folder's files listed; password-protected links manual").linkHostEndpoint()
            .examples("https://seafile.example.org/f/2c5f4e3a9b/", "https://cloud.tsinghua.edu.cn/d/df2ff6121f3f4edfaff4/");
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final URI endpoint;
    private final WebPageResolver web;

    public SeafileResolver(HostContext context) {
        this.api = context.client("Seafile", "The share link may be password-protected or expired: open it in a "
                + "browser.");
        this.endpoint = context.endpoint(HOST);
        this.web = new WebPageResolver(context);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && tokenAt(link) >= 0;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.HTTP, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> s = HostName.segments(link);
        int at = tokenAt(link);
        String token = s.get(at);
        HttpUrl.Builder builder = LinkOrigin.origin(link, endpoint).newBuilder();
        s.subList(0, at - 1).forEach(builder::addPathSegment);
        HttpUrl root = builder.build();
        if (s.get(at - 1).equals("d")) {
            return folder(entry, link, root, token);
        }
        HttpUrl download = root.newBuilder().addPathSegment("f").addPathSegment(token).addPathSegment("")
                .addQueryParameter("dl", "1").build();
        ShareDownload.Answer answer = ShareDownload.ask(api, download);
        return switch (answer.kind()) {
            case FILE -> new Resolution.Fetch(List.of(new Source.HttpSource(download.uri(), RemotePath.of(
                    answer.name() != null ? answer.name() : token, api), answer.size(), List.of(), null)));
            case PASSWORD -> new Resolution.Manual(password(entry, link));
            case GONE, NOT_A_SHARE -> web.resolve(entry, LinkOrigin.moved(link, endpoint));
        };
    }

    /** Every file of a folder share, sub-folders included, through the public dirents listing. */
    private Resolution folder(CatalogEntry entry, URI link, HttpUrl root, String token) throws ResolveException {
        HttpUrl api2 = root.newBuilder().addPathSegments("api/v2.1/share-links").addPathSegment(token)
                .addPathSegment("dirents").addPathSegment("").build();
        List<Source> sources = new ArrayList<>();
        Deque<String> folders = new ArrayDeque<>(List.of("/"));
        for (int asked = 0; !folders.isEmpty(); asked++) {
            NextPage.count(asked, api);
            String path = folders.pop();
            HostAnswer answer = api.send(api.request(api2.newBuilder().addQueryParameter("path", path).build(),
                    java.util.Map.of()).build());
            if (asked == 0 && (answer.code() == 403 || answer.code() == 401)) {
                return new Resolution.Manual(password(entry, link));
            }
            if (asked == 0 && !answer.ok() && answer.code() != 429 && answer.code() < 500 || asked == 0
                    && answer.ok() && !answer.body().stripLeading().startsWith("{")) {
                return web.resolve(entry, LinkOrigin.moved(link, endpoint));
            }
            SeafileApi.Dirents dirents = api.read(answer, SeafileApi.Dirents.class);
            if (dirents.direntList() == null) {
                throw api.unexpected("the share's listing has no dirent_list");
            }
            for (SeafileApi.Dirent d : dirents.direntList()) {
                if (Boolean.TRUE.equals(d.isDir()) && d.folderPath() != null) {
                    folders.add(d.folderPath());
                } else if (d.filePath() != null) {
                    HttpUrl file = root.newBuilder().addPathSegment("d").addPathSegment(token).addPathSegment("files")
                            .addPathSegment("").addQueryParameter("p", d.filePath()).addQueryParameter("dl", "1").build();
                    sources.add(new Source.HttpSource(file.uri(), RemotePath.of(d.filePath().replaceFirst("^/+", ""),
                            api), d.size(), List.of(), null));
                }
            }
        }
        if (sources.isEmpty()) {
            throw api.unexpected("the folder share " + token + " holds no files");
        }
        return new Resolution.Fetch(sources);
    }

    private static Instructions password(CatalogEntry entry, URI link) {
        return new Instructions("A password-protected Seafile share link: its owner gives the password.", List.of(
                "Open " + link + " in a browser and enter the password",
                "Download the file, or the folder's files (ZIP)", Steps.putFilesIn(entry), Steps.adopt(entry)));
    }

    /** The index of the token of {@code .../f/<token>/} or {@code .../d/<token>/}, or -1. */
    private static int tokenAt(URI link) {
        List<String> s = HostName.segments(link);
        int at = s.size() - 1;
        return at >= 1 && (s.get(at - 1).equals("f") || s.get(at - 1).equals("d"))
                && s.get(at).matches("[0-9a-f]{10,40}") ? at : -1;
    }
}
