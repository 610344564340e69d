package org.medfetch.resolve.hosts.buckets;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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
 * Public Amazon S3 buckets ({@code s3://bucket/prefix}, virtual-hosted and path-style https links, with
 * or without a region): the objects under the prefix, listed anonymously with ListObjectsV2 page by
 * page, each with its size and, when its ETag is one (not a multipart upload's), its MD5. A bucket in
 * another region answers 301 PermanentRedirect with its region, which is followed once. A bucket that
 * refuses anonymous listing (requester pays, or private) gives the AWS CLI steps; a link to one object
 * of such a bucket is still fetched as a plain file.
 *
 * <p>Reference: https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html
 */
public final class S3Resolver implements Resolver {

    public static final Host HOST = Host.named("s3", "api: public S3 buckets listed anonymously, MD5 from "
            + "single-part ETags; requester-pays or private buckets as AWS CLI steps")
            .api("https://s3.amazonaws.com").domains("s3://", "*.s3.amazonaws.com", "s3.*.amazonaws.com")
            .examples("s3://fcp-indi/data/Projects/ABIDE_Initiative/Outputs/cpac/filt_global/rois_cc200/",
                    "https://openneuro.org.s3.amazonaws.com/ds000001/",
                    "https://s3.amazonaws.com/fcp-indi/data/Projects/RocklandSample/",
                    "https://isic-challenge-data.s3.us-east-1.amazonaws.com/2018/ISIC2018_Task3_Training_GroundTruth.zip")
            .ids(id -> id.startsWith("s3://") ? id : "s3://" + id);
    public static final String NAME = HOST.name();
    /** Virtual-hosted (bucket.s3[.-]region.amazonaws.com) and path-style (s3[.-]region.amazonaws.com) hosts. */
    private static final Pattern S3_HOST = Pattern.compile(
            "^(?:(.+)\\.)?s3(?:[.-](?:dualstack\\.)?([a-z]{2}(?:-[a-z]+)+-\\d))?\\.amazonaws\\.com$");
    /** ListObjectsV2 answers at most 1,000 keys a page. */
    private static final int PAGE = 1000;
    private static final String DEFAULT_REGION = "us-east-1";

    private final HostClient api;
    private final HttpUrl base;
    private final boolean chosenEndpoint;

    public S3Resolver(HostContext context) {
        this.api = context.client("Amazon S3", "The bucket refuses anonymous requests.");
        this.base = context.api(HOST);
        this.chosenEndpoint = context.endpoint(HOST) != null;
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
        HttpUrl regional = endpoint(path.region());
        List<S3Listing.Entry> objects = new ArrayList<>();
        String prefix = path.folderPrefix();
        boolean moved = false;
        for (String token = null; ; ) {
            HostAnswer answer = list(regional, path.bucket(), prefix, token);
            if (answer.code() == 301) {
                String region = answer.headers().get("x-amz-bucket-region");
                if (region == null || token != null || moved) {
                    throw new ResolveException("Amazon S3 redirected the listing of " + path.display("s3")
                            + " without a region to go to" + detail(answer), false);
                }
                regional = endpoint(region);
                moved = true;
                continue;
            }
            if (answer.code() == 403) {
                return refused(entry, path, regional, answer);
            }
            S3Listing page = read(answer);
            objects.addAll(page.contents());
            if (!page.truncated()) {
                break;
            }
            token = page.nextToken();
        }
        if (objects.isEmpty() && !path.folder()) {
            // Not a folder: the link may name one object ("a/b.nii"), which a listing of the key finds.
            HostAnswer answer = list(regional, path.bucket(), path.key(), null);
            if (answer.code() == 403) {
                return refused(entry, path, regional, answer);
            }
            read(answer).contents().stream().filter(o -> o.key().equals(path.key())).forEach(objects::add);
        }
        objects.removeIf(o -> o.key().endsWith("/") && o.size() == 0);
        if (objects.isEmpty()) {
            throw new ResolveException("Amazon S3 lists no objects under " + path.display("s3"), false);
        }
        List<Source> sources = new ArrayList<>();
        for (S3Listing.Entry o : objects) {
            List<Checksum> md5 = o.md5() == null ? List.of() : List.of(new Checksum("md5", o.md5()));
            sources.add(new Source.HttpSource(object(regional, path.bucket(), o.key()),
                    RemotePath.of(path.relative(o.key()), api), o.size(), md5, null));
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(path.display("s3"), null, null, null,
                link.toString()), Map.of());
    }

    /** The base URL for a region: S3's regional endpoint, or the one the user chose (tests, mirrors). */
    HttpUrl endpoint(String region) {
        if (chosenEndpoint || region == null || region.equals(DEFAULT_REGION)) {
            return base;
        }
        return base.newBuilder().host("s3." + region + ".amazonaws.com").build();
    }

    private HostAnswer list(HttpUrl regional, String bucket, String prefix, String token) throws ResolveException {
        HttpUrl.Builder url = regional.newBuilder().addPathSegment(bucket).addQueryParameter("list-type", "2")
                .addQueryParameter("max-keys", Integer.toString(PAGE));
        if (!prefix.isEmpty()) {
            url.addQueryParameter("prefix", prefix);
        }
        if (token != null) {
            url.addQueryParameter("continuation-token", token);
        }
        return api.send(api.request(url.build(), Map.of("Accept", "application/xml")).build());
    }

    private S3Listing read(HostAnswer answer) throws ResolveException {
        if (!answer.ok()) {
            api.check(answer);
        }
        return S3Listing.parse(answer.body(), api, HostClient.where(answer.url()));
    }

    /**
     * No anonymous listing: one object is still worth a plain GET (many buckets allow reading but not
     * listing); a folder needs the AWS CLI with the user's account.
     */
    private Resolution refused(CatalogEntry entry, BucketPath path, HttpUrl regional, HostAnswer answer)
            throws ResolveException {
        if (!path.folder()) {
            return new Resolution.Fetch(List.of(new Source.HttpSource(object(regional, path.bucket(), path.key()),
                    RemotePath.of(path.relative(path.key()), api), null, List.of(), null)));
        }
        String target = path.display("s3");
        return new Resolution.Manual(new Instructions("Amazon S3 refuses to list " + target + " anonymously"
                + detail(answer) + ": the bucket is requester-pays (downloads are charged to your AWS account) "
                + "or private.", List.of(
                "Install the AWS CLI and sign in with an AWS account: aws configure",
                "Download it, paying the transfer if the bucket is requester-pays: aws s3 sync " + target + " "
                        + Steps.folder(entry) + " --request-payer requester",
                "If the bucket is private, ask its owner for access (or for an open copy of the data)",
                Steps.adopt(entry))));
    }

    private static String detail(HostAnswer answer) {
        String error = S3Listing.error(answer.body());
        return error.isEmpty() ? " (HTTP " + answer.code() + ")" : " (HTTP " + answer.code() + " " + error + ")";
    }

    private static URI object(HttpUrl regional, String bucket, String key) {
        HttpUrl.Builder url = regional.newBuilder().addPathSegment(bucket);
        BucketPath.segments(key).forEach(url::addPathSegment);
        return url.build().uri();
    }

    /** The bucket, key and region a link names, or null when it is not an S3 link medfetch can list. */
    static BucketPath path(URI link) {
        String scheme = link.getScheme() == null ? "" : link.getScheme().toLowerCase(Locale.ROOT);
        String rawPath = link.getPath() == null ? "" : link.getPath();
        if (scheme.equals("s3")) {
            String bucket = HostName.host(link);
            return bucket.isEmpty() ? null : new BucketPath(bucket, rawPath.replaceFirst("^/", ""), null);
        }
        if (!HostName.isHttp(link) || signed(link)) {
            return null;
        }
        Matcher host = S3_HOST.matcher(HostName.host(link));
        if (!host.matches() || host.group(1) != null && host.group(1).contains("s3-website")) {
            return null;
        }
        String key = rawPath.replaceFirst("^/", "");
        if (host.group(1) != null) {
            return new BucketPath(host.group(1), key, host.group(2));
        }
        int slash = key.indexOf('/');
        String bucket = slash < 0 ? key : key.substring(0, slash);
        return bucket.isEmpty() ? null : new BucketPath(bucket, slash < 0 ? "" : key.substring(slash + 1), host.group(2));
    }

    /** A presigned URL is one object, readable as it is: the direct host fetches it. */
    private static boolean signed(URI link) {
        String query = link.getRawQuery();
        return query != null && (query.contains("X-Amz-Signature=") || query.contains("Signature="));
    }
}
