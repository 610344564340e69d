package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
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
import org.medfetch.resolve.web.LinkShape;

/**
 * Datasets of any CKAN portal (open-data and research portals run by governments, universities and
 * institutes), by link shape: {@code /dataset/<name>} (also after a language, {@code /en/dataset/...}, and
 * under any path the portal is installed at) and one resource of it,
 * {@code /dataset/<name>/resource/<id>}. The path is common on other sites too, so {@code add} asks the
 * portal's {@code /api/3/action/package_show} first: a CKAN answer gives the dataset's files, with size and
 * checksum where the publisher gave them (uploads and DataStore dumps are files; links to pages elsewhere
 * are listed in the notes); any other answer leaves the link to the web page it then is. A private
 * dataset (CKAN's Authorization Error) is for a person.
 *
 * <p>Reference: https://docs.ckan.org/en/latest/api/index.html#ckan.logic.action.get.package_show
 */
public final class CkanResolver implements Resolver {

    public static final Host HOST = Host.named("ckan", "api: datasets of any CKAN portal, by link shape, confirmed "
            + "by its API (else a web page); files with size and checksum where given").linkHostEndpoint()
            .examples("http://data.openkg.cn/dataset/rjua-qadatasets",
                    "https://demo.ckan.org/dataset/100-validated-species-of-plants",
                    "https://open.canada.ca/data/en/dataset/1b5a1c1e-5f4b-4a38-8f0c-8c6a9d9c3b11");
    public static final String NAME = HOST.name();

    private final HostClient api;
    private final URI endpoint;
    private final WebPageResolver web;

    public CkanResolver(HostContext context) {
        this.api = context.client("CKAN", "The dataset may be private: log in on the portal and download it there.");
        this.endpoint = context.endpoint(HOST);
        this.web = new WebPageResolver(context);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && datasetAt(HostName.segments(link)) >= 0;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> s = HostName.segments(link);
        int at = datasetAt(s);
        String name = s.get(at + 1);
        String resource = s.size() > at + 3 ? s.get(at + 3) : null;
        HttpUrl.Builder rootBuilder = LinkOrigin.origin(link, endpoint).newBuilder();
        // A language before /dataset (/en/dataset/...) is the site's, not the API's path.
        int prefixEnd = at > 0 && s.get(at - 1).matches("[a-z]{2}([_-][A-Za-z]{2,4})?") ? at - 1 : at;
        s.subList(0, prefixEnd).forEach(rootBuilder::addPathSegment);
        HttpUrl root = rootBuilder.build();
        HttpUrl show = root.newBuilder().addPathSegments("api/3/action/package_show").addQueryParameter("id", name)
                .build();
        HostAnswer answer = api.send(api.request(show, Map.of()).build());
        CkanApi.Answer ckan = ckanAnswer(answer);
        if (ckan == null) {
            if (answer.code() == 429 || answer.code() == 408 || answer.code() >= 500) {
                api.check(answer);
            }
            return web.resolve(entry, LinkOrigin.moved(link, endpoint));
        }
        if (answer.code() == 403 || answer.code() == 401) {
            return new Resolution.Manual(new Instructions("A private CKAN dataset: the portal shows its files only to "
                    + "members of its organisation.", List.of("Log in at " + root + " with an account the dataset's "
                    + "organisation admits, open " + link + " and download its resources", Steps.putFilesIn(entry),
                    Steps.adopt(entry))));
        }
        api.check(answer);
        if (!Boolean.TRUE.equals(ckan.success()) || ckan.result() == null) {
            throw api.unexpected(HostClient.where(show) + " did not succeed"
                    + (ckan.error() != null && ckan.error().message() != null ? ": " + ckan.error().message() : ""));
        }
        return files(link, root, ckan.result(), resource);
    }

    private Resolution files(URI link, HttpUrl root, CkanApi.Package dataset, String only) throws ResolveException {
        List<Source> sources = new ArrayList<>();
        List<String> elsewhere = new ArrayList<>();
        Set<String> names = new HashSet<>();
        List<CkanApi.Resource> resources = dataset.resources() == null ? List.of() : dataset.resources();
        for (CkanApi.Resource r : resources) {
            if (r.url() == null || r.url().isBlank() || only != null && !only.equals(r.id())
                    || "deleted".equals(r.state())) {
                continue;
            }
            HttpUrl url = root.resolve(r.url().strip());
            if (url == null) {
                elsewhere.add(label(r) + ": " + r.url());
                continue;
            }
            boolean here = "upload".equals(r.urlType()) || "datastore".equals(r.urlType());
            if (here) {
                // Kept on the portal's (or the chosen endpoint's) scheme, host and port, as NextPage keeps pages.
                url = url.newBuilder().scheme(root.scheme()).host(root.host()).port(root.port()).build();
            } else if (!LinkShape.isDataFile(url.uri())) {
                elsewhere.add(label(r) + ": " + url);
                continue;
            }
            String name = fileName(r, url);
            if (!names.add(name.toLowerCase(Locale.ROOT))) {
                name = (r.id() != null ? r.id() : Integer.toString(names.size())) + "-" + name;
                names.add(name.toLowerCase(Locale.ROOT));
            }
            sources.add(new Source.HttpSource(url.uri(), RemotePath.of(name, api), r.size(), checksum(r.hash()), null));
        }
        Instructions notes = elsewhere.isEmpty() ? null : new Instructions(elsewhere.size() + " resource(s) of this "
                + "dataset are links to other sites; fetch them there (medfetch add <link> when it is a file or a host "
                + "medfetch knows):", elsewhere);
        DatasetInfo info = new DatasetInfo(dataset.title(), null, dataset.licenseTitle(), null, link.toString(),
                dataset.author() == null || dataset.author().isBlank() ? List.of() : List.of(dataset.author()),
                DatasetInfo.yearOf(dataset.created()), dataset.version() == null || dataset.version().isBlank() ? null
                : dataset.version(), HostName.host(link));
        if (sources.isEmpty()) {
            if (notes != null) {
                return new Resolution.Manual(notes);
            }
            throw api.unexpected("dataset " + dataset.name() + (only != null ? " has no resource " + only
                    : " lists no files"));
        }
        return new Resolution.Fetch(sources, notes, info, Map.of());
    }

    /** The file's name: the url's last segment, else the resource's name (a DataStore dump gets .csv). */
    private static String fileName(CkanApi.Resource r, HttpUrl url) {
        List<String> segments = url.pathSegments();
        String last = segments.isEmpty() ? "" : segments.get(segments.size() - 1);
        if ("datastore".equals(r.urlType()) || last.isBlank() || !last.contains(".")) {
            String base = r.name() != null && !r.name().isBlank() ? r.name() : r.id() != null ? r.id() : "resource";
            String format = r.format() == null ? "" : r.format().toLowerCase(Locale.ROOT);
            return base.contains(".") || format.isBlank() ? base : base + "." + format;
        }
        return last;
    }

    private static String label(CkanApi.Resource r) {
        return r.name() != null && !r.name().isBlank() ? r.name() : r.id() != null ? r.id() : "a resource";
    }

    /**
     * CKAN's {@code hash} is free text: "md5:HEX"-style, or bare hex whose length tells the algorithm
     * (32 MD5, 40 SHA-1, 64 SHA-256); anything else is not a checksum medfetch can check.
     */
    private static List<Checksum> checksum(String hash) {
        if (hash == null || hash.isBlank()) {
            return List.of();
        }
        String text = hash.strip();
        try {
            if (text.contains(":")) {
                return List.of(Checksum.parse(text));
            }
            String algorithm = switch (text.length()) {
                case 32 -> "md5";
                case 40 -> "sha1";
                case 64 -> "sha256";
                default -> null;
            };
            return algorithm == null ? List.of() : List.of(new Checksum(algorithm, text));
        } catch (IllegalArgumentException e) {
            return List.of();
        }
    }

    /** The answer as CKAN's, or null when it is not one (another site's page, or nothing). */
    private CkanApi.Answer ckanAnswer(HostAnswer answer) throws ResolveException {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(answer.body());
        } catch (java.io.IOException e) {
            return null;
        }
        if (tree == null || !tree.isObject() || !tree.has("success") || !tree.get("success").isBoolean()) {
            return null;
        }
        return api.convert(tree, CkanApi.Answer.class, HostClient.where(answer.url()));
    }

    /** The index of "dataset" followed by a CKAN name (and maybe /resource/<id>), or -1. */
    private static int datasetAt(List<String> s) {
        int at = s.lastIndexOf("dataset");
        if (at < 0 || !(s.size() == at + 2 || s.size() == at + 4 && s.get(at + 2).equals("resource"))) {
            return -1;
        }
        // CKAN names: 2 to 100 lower-case letters, digits, '-' and '_' (ckan.logic.validators.name_validator).
        // A name of digits only, or a 24-digit hex object id, is the record id of another platform
        // (Tianchi's /dataset/90694, HeyWhale's /mw/dataset/5e95...), which CKAN's slugs never are.
        String name = s.get(at + 1);
        return name.matches("[a-z0-9_-]{2,100}") && !name.matches("\\d+|[0-9a-f]{24}") ? at : -1;
    }
}
