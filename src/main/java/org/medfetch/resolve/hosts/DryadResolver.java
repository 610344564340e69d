package org.medfetch.resolve.hosts;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Authorizer;
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

/**
 * Dryad datasets ({@code datadryad.org/stash/dataset/doi:...}, {@code datadryad.org/dataset/doi:...},
 * {@code doi.org/10.5061/dryad.*}): the latest version's files with their digests. Dryad refuses file
 * downloads to anonymous clients, so without an API token (DRYAD_TOKEN, or DRYAD_CLIENT_ID and
 * DRYAD_CLIENT_SECRET, exchanged for a token by the OAuth2 client-credentials flow) a link is manual:
 * the steps say how to get an account or to download the dataset's zip from its page.
 *
 * <p>Reference: https://datadryad.org/api/v2/docs
 */
public final class DryadResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "DRYAD_TOKEN";
    static final String ID_VARIABLE = "DRYAD_CLIENT_ID";
    static final String SECRET_VARIABLE = "DRYAD_CLIENT_SECRET";
    public static final Host HOST = Host.named("dryad", "api with a token: the latest version's files with MD5 or "
            + "SHA-256; without one, manual steps (API account, or the zip from the page)").api("https://datadryad.org")
            .domains("datadryad.org", "doi.org/10.5061/dryad.*")
            .examples("https://datadryad.org/stash/dataset/doi:10.5061/dryad.p8cz8wf1",
                    "https://datadryad.org/dataset/doi:10.5061/dryad.p8cz8wf1", "https://doi.org/10.5061/dryad.p8cz8wf1")
            .credentials(List.of(TOKEN_VARIABLE, ID_VARIABLE + " + " + SECRET_VARIABLE + " (OAuth client credentials)")).accountRequired();
    public static final String NAME = HOST.name();
    private static final Pattern DATASET_DOI = Pattern.compile("/(?:stash/)?dataset/doi:(10\\.\\d{4,9}/.+)");
    private static final Pattern DRYAD_DOI = Pattern.compile("/(10\\.5061/dryad\\.[A-Za-z0-9]+)/?");
    /** A token is asked for again this long before Dryad says it expires. */
    private static final long MARGIN_SECONDS = 60;

    private final HostClient api;
    private final HttpUrl base;
    private final Secret staticToken;
    private final Secret clientId;
    private final Secret clientSecret;
    private final Clock clock = Clock.systemUTC();
    private Secret granted;
    private Instant grantedUntil = Instant.MIN;

    public DryadResolver(HostContext context) {
        this.api = context.client("Dryad", "Check " + TOKEN_VARIABLE + " (or " + ID_VARIABLE + " and " + SECRET_VARIABLE
                + "): Dryad refused them.");
        this.base = context.api(HOST);
        UserConfig user = context.user();
        this.staticToken = user.variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE)).orElse(null);
        this.clientId = user.variable(ID_VARIABLE).map(v -> new Secret(v, ID_VARIABLE)).orElse(null);
        this.clientSecret = user.variable(SECRET_VARIABLE).map(v -> new Secret(v, SECRET_VARIABLE)).orElse(null);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        if (!HostName.isHttp(link) || link.getPath() == null) {
            return false;
        }
        return HostName.within(link, "datadryad.org") && DATASET_DOI.matcher(link.getPath()).matches()
                || (HostName.host(link).equals("doi.org") || HostName.host(link).equals("dx.doi.org"))
                && DRYAD_DOI.matcher(link.getPath()).matches();
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return credentials() ? Classification.of(LinkClass.API, NAME)
                : Classification.manual(NAME, anonymous(entry, doi(link)));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        String doi = doi(link);
        if (doi == null) {
            return new Resolution.Unavailable(link + " names no Dryad dataset");
        }
        if (!credentials()) {
            return new Resolution.Manual(anonymous(entry, doi));
        }
        HttpUrl datasetUrl = base.newBuilder().addPathSegments("api/v2/datasets")
                .addEncodedPathSegment(URLEncoder.encode("doi:" + doi, StandardCharsets.UTF_8)).build();
        DryadApi.Dataset dataset = api.get(datasetUrl, headers(), DryadApi.Dataset.class);
        if ("Embargoed".equalsIgnoreCase(dataset.curationStatus())) {
            return new Resolution.Manual(embargoed(entry, doi, dataset.embargoEndDate()));
        }
        String version = dataset.links() == null || dataset.links().version() == null ? null
                : dataset.links().version().href();
        if (version == null) {
            throw api.unexpected("dataset " + doi + " names no version (_links.stash:version)");
        }
        List<Source> sources = new ArrayList<>();
        HttpUrl page = NextPage.of(base, version + "/files", base, api);
        for (int pages = 1; page != null; pages++) {
            NextPage.count(pages, api);
            DryadApi.Files files = api.get(page, headers(), DryadApi.Files.class);
            if (files.embedded() != null && files.embedded().files() != null) {
                for (DryadApi.File file : files.embedded().files()) {
                    sources.add(source(file));
                }
            }
            DryadApi.Link next = files.links() == null ? null : files.links().next();
            page = NextPage.of(page, next == null ? null : next.href(), base, api);
        }
        if (sources.isEmpty()) {
            throw api.unexpected("dataset " + doi + " lists no files in its latest version");
        }
        return new Resolution.Fetch(sources, null, info(doi, dataset), Map.of());
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Dryad");
        if (!credentials()) {
            throw new ResolveException("Dryad files need " + TOKEN_VARIABLE + " (or " + ID_VARIABLE + " and "
                    + SECRET_VARIABLE + "), which are not set", false);
        }
        return new Authorizer.Authorized(stableUrl, headers());
    }

    private Source source(DryadApi.File file) throws ResolveException {
        String path = RemotePath.of(file.path(), api);
        DryadApi.FileLinks links = file.links();
        DryadApi.Link download = links == null ? null : links.download() != null ? links.download() : links.fileDownload();
        if (download == null || download.href() == null) {
            throw api.unexpected(path + " has no download link (stash:download)");
        }
        HttpUrl url = base.resolve(download.href());
        if (url == null) {
            throw api.unexpected("the download link of " + path + " is not a URL");
        }
        List<Checksum> checksums = List.of();
        if (file.digest() != null && file.digestType() != null) {
            try {
                checksums = List.of(new Checksum(file.digestType(), file.digest()));
            } catch (IllegalArgumentException e) {
                checksums = List.of();
            }
        }
        return new Source.HttpSource(url.uri(), path, file.size(), checksums, NAME);
    }

    private DatasetInfo info(String doi, DryadApi.Dataset d) {
        List<String> authors = d.authors() == null ? List.of() : d.authors().stream().map(DryadApi.Author::name).toList();
        return new DatasetInfo(d.title(), doi, d.license(), null, page(doi).toString(), authors,
                DatasetInfo.yearOf(d.publicationDate()), d.versionNumber() == null ? null : d.versionNumber().toString(),
                "Dryad");
    }

    private boolean credentials() {
        return staticToken != null || clientId != null && clientSecret != null;
    }

    /** The bearer header: DRYAD_TOKEN, else a client-credentials token, asked for again once it expires. */
    private synchronized Map<String, String> headers() throws ResolveException {
        if (staticToken != null) {
            return Map.of("Authorization", "Bearer " + staticToken.reveal());
        }
        if (granted == null || clock.instant().isAfter(grantedUntil)) {
            HttpUrl tokenUrl = base.newBuilder().addPathSegments("oauth/token").build();
            DryadApi.Token token = api.postForm(tokenUrl, Map.of("grant_type", "client_credentials", "client_id",
                    clientId.reveal(), "client_secret", clientSecret.reveal()), Map.of(), DryadApi.Token.class,
                    clientId.reveal(), clientSecret.reveal());
            if (token.accessToken() == null || token.accessToken().isBlank()) {
                throw api.unexpected("the token answer has no access_token");
            }
            granted = new Secret(token.accessToken(), "Dryad's token endpoint");
            long life = token.expiresIn() == null ? 3600 : token.expiresIn();
            grantedUntil = clock.instant().plusSeconds(Math.max(0, life - MARGIN_SECONDS));
        }
        return Map.of("Authorization", "Bearer " + granted.reveal());
    }

    private HttpUrl page(String doi) {
        return base.newBuilder().addPathSegments("stash/dataset/doi:" + doi).build();
    }

    private Instructions anonymous(CatalogEntry entry, String doi) {
        String page = doi == null ? base.toString() : page(doi).toString();
        return new Instructions("Dryad does not let anonymous clients download files: an API account, or the "
                + "website, is needed.", List.of(
                "Download the whole dataset with \"Download dataset\" on " + page + ", unpack the zip into "
                        + Steps.folder(entry) + " and run: medfetch adopt " + entry.id() + " " + Steps.folder(entry),
                "Or, to let medfetch fetch and verify each file: request a Dryad API account (see "
                        + base.newBuilder().encodedPath("/api").build() + "), then export " + ID_VARIABLE + "=<id> "
                        + SECRET_VARIABLE + "=<secret> (or " + TOKEN_VARIABLE + "=<token>) and run: medfetch add "
                        + entry.id()));
    }

    private Instructions embargoed(CatalogEntry entry, String doi, String until) {
        return new Instructions("Dryad dataset " + doi + " is under embargo" + (until != null ? " until " + until : "")
                + ": its files open to everyone then.", List.of("After " + (until != null ? until
                : "the embargo ends (see " + page(doi) + ")") + ", run: medfetch add " + entry.id()));
    }

    /** The DOI a link names (10.5061/dryad.x), or null. */
    static String doi(URI link) {
        String path = link.getPath() == null ? "" : link.getPath();
        Matcher dataset = DATASET_DOI.matcher(path);
        if (dataset.matches()) {
            return dataset.group(1).replaceAll("/+$", "");
        }
        Matcher doi = DRYAD_DOI.matcher(path);
        return doi.matches() ? doi.group(1) : null;
    }
}
