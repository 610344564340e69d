package org.medfetch.resolve.hosts;

import java.net.URI;
import java.util.List;
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
 * Public link shares of any Nextcloud or ownCloud server, by link shape: {@code /index.php/s/<token>}
 * (with or without {@code /download}, under any path the server is installed at) and {@code /s/<token>}
 * with Nextcloud's 15-character token. The share's download URL gives a shared file as itself and a
 * shared folder as one zip; {@code add} asks it once for the name and size. A password-protected share
 * is for a person. On a bare {@code /s/<token>} link, a site that does not answer as a share is left to
 * the web page it then is.
 *
 * <p>Reference: https://docs.nextcloud.com/server/latest/user_manual/en/files/sharing.html ("Public link
 * shares": a random 15-character token, {@code https://cloud.example.com/s/yxcFKRWBJqYYzp4})
 */
public final class NextcloudResolver implements Resolver {

    public static final Host HOST = Host.named("nextcloud", "http: Nextcloud/ownCloud public shares on any server, "
            + "a file as itself, a folder as one zip; password-protected shares manual").linkHostEndpoint()
            .examples("https://cloud.ircad.fr/index.php/s/JN3z7EynBiwYyjy/download",
                    "https://cloud.example.com/s/yxcFKRWBJqYYzp4",
                    "https://owncloud.example.edu/owncloud/index.php/s/AbC123xYz");
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final java.net.URI endpoint;
    private final WebPageResolver web;

    public NextcloudResolver(HostContext context) {
        this.api = context.client("Nextcloud", "The share may be password-protected or expired: open it in a browser.");
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
        okhttp3.HttpUrl.Builder download = LinkOrigin.origin(link, endpoint).newBuilder();
        s.subList(0, at + 1).forEach(download::addPathSegment);
        download.addPathSegment("download");
        boolean sure = at >= 2 && s.get(at - 2).equals("index.php");
        ShareDownload.Answer answer = ShareDownload.ask(api, download.build());
        return switch (answer.kind()) {
            case FILE -> new Resolution.Fetch(List.of(new Source.HttpSource(download.build().uri(),
                    RemotePath.of(answer.name() != null ? answer.name() : token + (answer.zip() ? ".zip" : ""), api),
                    answer.size(), List.of(), null)));
            case PASSWORD -> new Resolution.Manual(password(entry, link));
            case GONE -> {
                if (!sure) {
                    yield web.resolve(entry, LinkOrigin.moved(link, endpoint));
                }
                throw new ResolveException(HostName.host(link) + " has no share " + token + " (HTTP " + answer.status()
                        + ": deleted or expired)", false);
            }
            case NOT_A_SHARE -> web.resolve(entry, LinkOrigin.moved(link, endpoint));
        };
    }

    private static Instructions password(CatalogEntry entry, URI link) {
        return new Instructions("A password-protected (or download-hidden) Nextcloud/ownCloud share: its owner "
                + "gives the password, usually by e-mail after a data request.", List.of(
                "Open " + link + " in a browser and enter the share's password",
                "Download it (Download all files, or the file's Download button)",
                Steps.putFilesIn(entry) + " (unzip a folder's zip there, or keep it)", Steps.adopt(entry)));
    }

    /** The index of the share token ({@code .../s/<token>[/download]}), or -1. */
    private static int tokenAt(URI link) {
        List<String> s = HostName.segments(link);
        int end = !s.isEmpty() && s.get(s.size() - 1).equals("download") ? s.size() - 2 : s.size() - 1;
        if (end < 1 || !s.get(end - 1).equals("s")) {
            return -1;
        }
        String token = s.get(end);
        boolean indexPhp = end >= 2 && s.get(end - 2).equals("index.php");
        return indexPhp && token.matches("[A-Za-z0-9]{5,64}") || token.matches("[A-Za-z0-9]{15}") ? end : -1;
    }
}
