package org.medfetch.resolve.hosts.gdrive;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.resolve.web.Disposition;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Authorizer;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.AuthorizesDownloads;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.HostName;
import org.medfetch.resolve.hosts.RemotePath;
import org.medfetch.resolve.hosts.Steps;

/**
 * Google Drive files shared with "anyone with the link" ({@code /file/d/<id>}, {@code open?id=},
 * {@code uc?id=}) and public folders ({@code /drive/folders/<id>}, listed through the embedded folder
 * view, sub-folders included). Every attempt asks Drive afresh for the download: a large file first
 * answers with its "Virus scan warning" form, whose action and hidden inputs (a uuid minted per request)
 * make the URL, so nothing Drive signs is stored. "Too many users have viewed or downloaded this file"
 * is a retryable error; a file that is not shared publicly gives steps.
 *
 * <p>Reference: https://github.com/wkentaro/gdown (download.py, download_folder.py)
 */
public final class GoogleDriveResolver implements Resolver, AuthorizesDownloads {

    public static final Host HOST = Host.named("google-drive", "http: shared files through the large-file "
            + "confirmation, public folders listed; quota exceeded is retried, unshared files are steps")
            .api("https://drive.google.com").domains("drive.google.com", "drive.usercontent.google.com",
                    "docs.google.com/uc")
            .examples("https://drive.google.com/file/d/1l_5RK28JRL19wpT22B-DY9We3TVXnnQQ/view?usp=sharing",
                    "https://drive.google.com/open?id=137RyRjvTBkBiIfeYBNZBtViDHQ6_Ewsp",
                    "https://drive.google.com/uc?id=137RyRjvTBkBiIfeYBNZBtViDHQ6_Ewsp&export=download",
                    "https://docs.google.com/uc?export=download&id=1PEkrNN4T2ZoqwDrpMU9Oeq8Go8AytqLw",
                    "https://drive.google.com/drive/folders/1aMZqPaU03E7XOQNXtjSCdguRHBaIQ82m?usp=sharing");
    public static final String NAME = HOST.name();
    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_FOLDERS = 200;

    private final HostClient api;
    private final HttpUrl base;

    public GoogleDriveResolver(HostContext context) {
        this.api = context.client("Google Drive", "The file or folder is not shared with anyone who has the link.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && (HostName.within(link, "drive.google.com")
                || HostName.within(link, "drive.usercontent.google.com")
                || HostName.host(link).equals("docs.google.com") && link.getPath() != null && link.getPath().startsWith("/uc"));
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return DriveLink.parse(link) == null ? Classification.manual(NAME, noItem(entry, link))
                : Classification.of(LinkClass.HTTP, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        DriveLink drive = DriveLink.parse(link);
        if (drive == null) {
            return new Resolution.Manual(noItem(entry, link));
        }
        if (drive.folder()) {
            return folder(entry, drive.id(), link);
        }
        Landing landing = land(download(drive.id()));
        if (landing.kind() == Landing.Kind.NEEDS_ACCESS) {
            return new Resolution.Manual(notShared(entry, link));
        }
        String name = landing.name() != null ? landing.name() : drive.id();
        return new Resolution.Fetch(List.of(new Source.HttpSource(download(drive.id()).uri(), RemotePath.of(name, api),
                null, List.of(), NAME)), null, new DatasetInfo(name, null, null, null, link.toString()), Map.of());
    }

    /** The request to make now for a file: where Drive's confirmation leads, or the file itself. */
    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Google Drive");
        Landing landing = land(HttpUrl.get(stableUrl.toString()));
        if (landing.kind() == Landing.Kind.NEEDS_ACCESS) {
            throw new ResolveException("Google Drive no longer shares this file with anyone who has the link", false);
        }
        return new Authorizer.Authorized(landing.url().uri(), Map.of());
    }

    /** A folder still to list, and where its files go. */
    private record Pending(String id, String prefix) {
    }

    private Resolution folder(CatalogEntry entry, String id, URI link) throws ResolveException {
        List<Source> sources = new ArrayList<>();
        List<Pending> pending = new ArrayList<>(List.of(new Pending(id, "")));
        for (int visited = 0; !pending.isEmpty(); visited++) {
            if (visited == MAX_FOLDERS) {
                throw new ResolveException("the Google Drive folder has more than " + MAX_FOLDERS + " sub-folders; "
                        + "add its sub-folders' links one by one", false);
            }
            Pending next = pending.remove(0);
            HttpUrl view = base.newBuilder().addPathSegment("embeddedfolderview").addQueryParameter("id", next.id()).build();
            var answer = api.send(api.request(view, Map.of("Accept", "text/html")).build());
            if (answer.code() == 401 || answer.code() == 403 || answer.code() == 404 && visited == 0
                    || answer.ok() && DrivePage.needsAccess(answer.body())) {
                return new Resolution.Manual(notShared(entry, link));
            }
            api.check(answer);
            for (DrivePage.Entry e : DrivePage.entries(answer.body())) {
                if (e.folder()) {
                    pending.add(new Pending(e.id(), next.prefix() + e.name() + "/"));
                } else {
                    sources.add(new Source.HttpSource(download(e.id()).uri(), RemotePath.of(next.prefix() + e.name(), api),
                            null, List.of(), NAME));
                }
            }
        }
        if (sources.isEmpty()) {
            return new Resolution.Manual(new Instructions("The Google Drive folder lists no files medfetch can read.",
                    List.of("Open " + link + " and download the folder (⋮ → Download: Drive zips it)",
                            Steps.putFilesIn(entry), Steps.adopt(entry))));
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(null, null, null, null, link.toString()), Map.of());
    }

    /** Follows Drive's redirects and reads what the answer is, without downloading the file behind it. */
    private Landing land(HttpUrl start) throws ResolveException {
        HttpUrl url = start;
        for (int hop = 0; hop <= MAX_REDIRECTS; hop++) {
            // One byte: a file answers with its headers (Content-Disposition) and nothing worth reading.
            var answer = api.probe(api.request(url, Map.of("Accept", "*/*", "Range", "bytes=0-0")).build());
            String location = answer.headers().get("Location");
            if (answer.code() >= 300 && answer.code() < 400 && location != null) {
                url = url.resolve(location);
                if (url == null) {
                    throw api.unexpected("a redirect to a URL that is not http(s)");
                }
                continue;
            }
            if (answer.code() == 401 || answer.code() == 403) {
                return new Landing(Landing.Kind.NEEDS_ACCESS, url, null);
            }
            api.check(answer);
            String type = String.valueOf(answer.headers().get("Content-Type")).toLowerCase(Locale.ROOT);
            if (!type.startsWith("text/html")) {
                return new Landing(Landing.Kind.FILE, url, Disposition.fileName(answer.headers().get("Content-Disposition")));
            }
            String html = answer.body();
            String confirm = DrivePage.confirmation(html);
            if (confirm != null) {
                HttpUrl confirmed = url.resolve(confirm);
                if (confirmed == null) {
                    throw api.unexpected("the confirmation form leads to a URL that is not http(s)");
                }
                return new Landing(Landing.Kind.FILE, confirmed, DrivePage.fileName(html));
            }
            if (DrivePage.quotaExceeded(html)) {
                throw new ResolveException("Google Drive refuses this file for now: " + firstNonNull(DrivePage.error(html),
                        "quota exceeded") + " (Drive's own limit; it lifts within 24 hours)", true);
            }
            if (DrivePage.needsAccess(html)) {
                return new Landing(Landing.Kind.NEEDS_ACCESS, url, null);
            }
            String error = DrivePage.error(html);
            throw api.unexpected(HostClient.where(url) + " is a page, neither the file nor Drive's confirmation"
                    + (error != null ? ": " + error : ""));
        }
        throw api.unexpected("more than " + MAX_REDIRECTS + " redirects");
    }

    private HttpUrl download(String id) {
        return base.newBuilder().addPathSegment("uc").addQueryParameter("id", id).addQueryParameter("export", "download")
                .build();
    }

    private static Instructions notShared(CatalogEntry entry, URI link) {
        return new Instructions("The Google Drive item is not shared with anyone who has the link: Drive asks for a "
                + "sign-in.", List.of(
                "Open " + link + " in a browser signed in to a Google account and request access (or ask the owner to "
                        + "share it with anyone who has the link)",
                "Download it from the browser (a folder: ⋮ → Download) into " + Steps.folder(entry),
                Steps.adopt(entry)));
    }

    private static Instructions noItem(CatalogEntry entry, URI link) {
        return new Instructions("The Google Drive link names no file or folder (no id in it).", List.of(
                "Open " + link + " and find the shared file or folder; add its own link (…/file/d/<id> or "
                        + "…/drive/folders/<id>) with: medfetch add <link>",
                Steps.adopt(entry)));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }
}
