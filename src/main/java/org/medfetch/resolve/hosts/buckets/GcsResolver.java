package org.medfetch.resolve.hosts.buckets;

import java.net.URI;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;
import org.medfetch.resolve.hosts.HostAnswer;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.HostName;
import org.medfetch.resolve.hosts.RemotePath;
import org.medfetch.resolve.hosts.Steps;

/**
 * Public Google Cloud Storage buckets ({@code gs://bucket/prefix}, {@code storage.googleapis.com/bucket/prefix}
 * and the console's browser links): the objects under the prefix, listed anonymously with the JSON API
 * page by page ({@code pageToken}), each with its size, its MD5 (when it has one: composite objects do
 * not) and its CRC32C, both verified. A bucket that refuses anonymous listing or bills the requester
 * gives gcloud steps; a link to one object of such a bucket is still fetched as a plain file.
 *
 * <p>Reference: https://cloud.google.com/storage/docs/json_api/v1/objects/list
 */
public final class GcsResolver implements Resolver {

    public static final Host HOST = Host.named("gcs", "api: public Cloud Storage buckets listed anonymously, "
            + "MD5 and CRC32C; requester-pays or private buckets as gcloud steps")
            .api("https://storage.googleapis.com").domains("gs://", "storage.googleapis.com",
                    "console.cloud.google.com/storage/browser")
            .examples("gs://idc-open-data/00000ba8-dd8c-4ff5-9ac8-d6f4b1b3b9d4/",
                    "https://storage.googleapis.com/gcp-public-data-landsat/index.csv.gz",
                    "https://console.cloud.google.com/storage/browser/gcs-public-data--healthcare-nih-chest-xray/png")
            .ids(id -> id.startsWith("gs://") ? id : "gs://" + id);
    public static final String NAME = HOST.name();
    private static final int PAGE = 1000;

    private final HostClient api;
    private final HttpUrl base;

    public GcsResolver(HostContext context) {
        this.api = context.client("Google Cloud Storage", "The bucket refuses anonymous requests.");
        this.base = context.api(HOST);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return path(link) != null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        BucketPath path = path(link);
        List<GcsApi.Item> objects = new ArrayList<>();
        String pageToken = null;
        do {
            HostAnswer answer = list(path.bucket(), path.folderPrefix(), pageToken);
            if (refusal(answer)) {
                return refused(entry, path, answer);
            }
            GcsApi.Objects page = api.read(answer, GcsApi.Objects.class);
            if (page.items() != null) {
                objects.addAll(page.items());
            }
            pageToken = page.nextPageToken();
        } while (pageToken != null && !pageToken.isBlank());
        if (objects.isEmpty() && !path.folder()) {
            HostAnswer answer = list(path.bucket(), path.key(), null);
            if (refusal(answer)) {
                return refused(entry, path, answer);
            }
            GcsApi.Objects page = api.read(answer, GcsApi.Objects.class);
            if (page.items() != null) {
                page.items().stream().filter(o -> path.key().equals(o.name())).forEach(objects::add);
            }
        }
        List<Source> sources = new ArrayList<>();
        for (GcsApi.Item o : objects) {
            if (o.name() == null || o.size() == null || !o.size().matches("\\d+")) {
                throw api.unexpected("an object of gs://" + path.bucket() + " has no name or size");
            }
            if (o.name().endsWith("/") && o.size().equals("0")) {
                continue;
            }
            sources.add(new Source.HttpSource(object(path.bucket(), o.name()), RemotePath.of(path.relative(o.name()),
                    api), Long.parseLong(o.size()), checksums(o), null));
        }
        if (sources.isEmpty()) {
            throw new ResolveException("Google Cloud Storage lists no objects under " + path.display("gs"), false);
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(path.display("gs"), null, null, null,
                link.toString()), Map.of());
    }

    private HostAnswer list(String bucket, String prefix, String pageToken) throws ResolveException {
        HttpUrl.Builder url = base.newBuilder().addPathSegments("storage/v1/b").addPathSegment(bucket)
                .addPathSegment("o").addQueryParameter("maxResults", Integer.toString(PAGE));
        if (!prefix.isEmpty()) {
            url.addQueryParameter("prefix", prefix);
        }
        if (pageToken != null) {
            url.addQueryParameter("pageToken", pageToken);
        }
        return api.send(api.request(url.build(), Map.of()).build());
    }

    /** 401/403 (no anonymous access) and 400 "requester pays" need a person with a Google account. */
    private static boolean refusal(HostAnswer answer) {
        return answer.code() == 401 || answer.code() == 403 || answer.code() == 400 && answer.says("requester pays");
    }

    private Resolution refused(CatalogEntry entry, BucketPath path, HostAnswer answer) throws ResolveException {
        if (!path.folder()) {
            return new Resolution.Fetch(List.of(new Source.HttpSource(object(path.bucket(), path.key()),
                    RemotePath.of(path.relative(path.key()), api), null, List.of(), null)));
        }
        String target = path.display("gs");
        boolean pays = answer.says("requester pays");
        return new Resolution.Manual(new Instructions("Google Cloud Storage refuses to list " + target
                + " anonymously (HTTP " + answer.code() + answer.serverMessage().map(m -> ": " + m).orElse("") + ")"
                + (pays ? ": the bucket bills the requester's Google Cloud project." : ": the bucket is private or "
                + "needs a Google account."), List.of(
                "Install the Google Cloud CLI and sign in: gcloud auth login",
                "Download it" + (pays ? ", billed to one of your projects" : "") + ": gcloud storage cp -r "
                        + (pays ? "--billing-project=<your project> " : "") + target + " " + Steps.folder(entry),
                "If the bucket is private, ask its owner for access (or for an open copy of the data)",
                Steps.adopt(entry))));
    }

    private List<Checksum> checksums(GcsApi.Item o) throws ResolveException {
        List<Checksum> sums = new ArrayList<>();
        try {
            if (o.md5Hash() != null) {
                sums.add(new Checksum("md5", HexFormat.of().formatHex(Base64.getDecoder().decode(o.md5Hash()))));
            }
            if (o.crc32c() != null) {
                sums.add(new Checksum("crc32c", HexFormat.of().formatHex(Base64.getDecoder().decode(o.crc32c()))));
            }
        } catch (IllegalArgumentException e) {
            throw api.unexpected("the checksums of " + o.name() + " are not base64 digests");
        }
        return sums;
    }

    private URI object(String bucket, String name) {
        HttpUrl.Builder url = base.newBuilder().addPathSegment(bucket);
        BucketPath.segments(name).forEach(url::addPathSegment);
        return url.build().uri();
    }

    /** The bucket and prefix a link names, or null when it is not a Cloud Storage link medfetch can list. */
    static BucketPath path(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        String raw = link.getPath() == null ? "" : link.getPath().replaceFirst("^/", "");
        if (scheme.equals("gs")) {
            String bucket = HostName.host(link);
            return bucket.isEmpty() ? null : new BucketPath(bucket, raw, null);
        }
        if (!HostName.isHttp(link) || link.getRawQuery() != null && link.getRawQuery().contains("Signature=")) {
            return null;
        }
        String host = HostName.host(link);
        if (host.endsWith(".storage.googleapis.com")) {
            return new BucketPath(host.substring(0, host.length() - ".storage.googleapis.com".length()), raw, null);
        }
        if (host.equals("console.cloud.google.com") && raw.startsWith("storage/browser/")) {
            raw = raw.substring("storage/browser/".length());
            if (!raw.isEmpty() && !raw.endsWith("/") && raw.contains("/")) {
                raw = raw + "/";
            }
        } else if (!host.equals("storage.googleapis.com") && !host.equals("storage.cloud.google.com")
                || raw.startsWith("storage/v1/") || raw.startsWith("download/")) {
            return null;
        }
        int slash = raw.indexOf('/');
        String bucket = slash < 0 ? raw : raw.substring(0, slash);
        return bucket.isEmpty() ? null : new BucketPath(bucket, slash < 0 ? "" : raw.substring(slash + 1), null);
    }
}
