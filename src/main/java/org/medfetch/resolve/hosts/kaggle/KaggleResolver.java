package org.medfetch.resolve.hosts.kaggle;

import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.catalog.DatasetIds;
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
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostName;
import org.medfetch.resolve.hosts.Secret;
import org.medfetch.resolve.hosts.RemotePath;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.AuthorizesDownloads;
import org.medfetch.resolve.hosts.HostContext;

/**
 * Kaggle datasets and competitions, through the Kaggle REST API with the user's own credentials.
 * Competitions also need their rules accepted on the website, which no API can do. The whole dataset
 * (or competition) comes as one zip, as the official CLI downloads it; a link with
 * {@code ?select=FILE} fetches single files instead. Downloads carry the "kaggle" credentials.
 *
 * <p>Reference: https://github.com/Kaggle/kaggle-api (kaggle/api/kaggle_api.py, kaggle_api_extended.py)
 */
public final class KaggleResolver implements Resolver, AuthorizesDownloads {

    /** The legacy REST base: Kaggle/kaggle-api kaggle/configuration.py (host). */
    public static final Host HOST = Host.named("kaggle", "api: datasets and competitions (rules accepted on the "
            + "website first)").api("https://www.kaggle.com/api/v1").domains("kaggle.com")
            .examples("https://www.kaggle.com/datasets/kmader/rsna-bone-age",
                    "https://www.kaggle.com/c/siim-acrpneumothorax-segmentation",
                    "https://www.kaggle.com/kmader/rsna-bone-age")
            .credentials(KaggleCredentials.SOURCES).accountRequired()
            .ids(id -> id.startsWith("competition:") ? "https://www.kaggle.com/competitions/" + id.substring(12)
                    : "https://www.kaggle.com/datasets/" + id);
    public static final String NAME = HOST.name();
    private static final int SHORTEST_SLUG = 6;

    private final HostClient api;
    private final HttpUrl base;
    private final KaggleCredentials credentials;

    public KaggleResolver(HostContext context) {
        this.api = context.client("Kaggle", "Check your Kaggle credentials (medfetch resolvers lists where they "
                + "are read); create a new token at https://www.kaggle.com/settings → API if they are old.");
        this.base = context.api(HOST);
        this.credentials = new KaggleCredentials(context.user());
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "kaggle.com");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        KaggleLink kaggle = KaggleLink.parse(link);
        if (kaggle == null) {
            String reason = link + " is neither a Kaggle dataset (/datasets/OWNER/NAME) nor a competition (/c/NAME)";
            return Classification.unavailable(NAME, reason,
                    new LinkIssue(CatalogProblem.Kind.MALFORMED_LINK, reason, "link the dataset or competition page"));
        }
        Classification result = Classification.of(LinkClass.API, NAME).withInstructions(instructions(entry, kaggle));
        return cutShort(entry, kaggle) ? result.withIssue(new LinkIssue(CatalogProblem.Kind.TRUNCATED_LINK,
                "the Kaggle slug '" + kaggle.slug() + "' looks cut short for '" + entry.name() + "'",
                "find the full slug at https://www.kaggle.com/search?q="
                        + URLEncoder.encode(entry.name(), StandardCharsets.UTF_8) + " and fix the link")) : result;
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        KaggleLink kaggle = KaggleLink.parse(link);
        if (kaggle == null) {
            return new Resolution.Unavailable(classify(entry, link).reason());
        }
        Optional<Secret> authorization = credentials.authorization();
        if (authorization.isEmpty()) {
            return new Resolution.Manual(instructions(entry, kaggle));
        }
        Map<String, String> headers = Map.of("Authorization", authorization.get().reveal());
        KaggleListing listing = new KaggleListing(api, base);
        if (kaggle.competition()) {
            Optional<List<KaggleApi.File>> files = listing.competition(kaggle, headers);
            if (files.isEmpty() || !listing.rulesAccepted(kaggle, headers)) {
                return new Resolution.Manual(rules(entry, kaggle));
            }
            return fetch(kaggle, files.get(), new DatasetInfo(kaggle.slug(), null, null, null, kaggle.page()));
        }
        List<KaggleApi.File> files = listing.dataset(kaggle, headers);
        DatasetInfo info = listing.view(kaggle, headers)
                .map(d -> new DatasetInfo(d.title(), null, d.licenseName(), null, d.url() != null ? d.url() : kaggle.page()))
                .orElse(new DatasetInfo(kaggle.ref(), null, null, null, kaggle.page()));
        return fetch(kaggle, files, info);
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Kaggle");
        Secret authorization = credentials.authorization().orElseThrow(() -> new ResolveException(
                "Kaggle credentials are gone; medfetch reads them from " + String.join("; ", KaggleCredentials.SOURCES),
                false));
        return new Authorizer.Authorized(stableUrl, Map.of("Authorization", authorization.reveal()));
    }

    /** The whole archive, or the selected files, each from its download endpoint. */
    private Resolution fetch(KaggleLink kaggle, List<KaggleApi.File> files, DatasetInfo info) throws ResolveException {
        if (kaggle.selected().isEmpty()) {
            long bytes = files.stream().filter(f -> f.totalBytes() != null).mapToLong(KaggleApi.File::totalBytes).sum();
            Source whole = new Source.HttpSource(download(kaggle, null), kaggle.slug() + ".zip", null, List.of(), NAME);
            String contents = files.isEmpty() ? "Kaggle listed no files for it: files inside folders are not always "
                    + "listed" : files.size() + " files, " + bytes + " bytes unpacked";
            return new Resolution.Fetch(List.of(whole), new Instructions("Kaggle serves " + kaggle.ref() + " as one zip ("
                    + contents + "); to fetch single files, add its link with ?select=<file name>.", List.of()), info,
                    Map.of());
        }
        List<Source> sources = new ArrayList<>();
        for (String name : kaggle.selected()) {
            // An empty listing (a dataset whose files all lie in folders, Kaggle/kaggle-cli#370) proves nothing
            // about a name: the download endpoint answers for it.
            if (!files.isEmpty() && files.stream().noneMatch(f -> name.equals(f.name()))) {
                throw new ResolveException("Kaggle " + kaggle.ref() + " has no file '" + name + "'; it has: "
                        + String.join(", ", files.stream().map(KaggleApi.File::name).limit(10).toList())
                        + (files.size() > 10 ? ", ..." : ""), false);
            }
            // Kaggle may serve a large single file zipped, so its listed size is not the download's.
            sources.add(new Source.HttpSource(download(kaggle, name), RemotePath.of(name, api), null, List.of(), NAME));
        }
        return new Resolution.Fetch(sources, null, info, Map.of());
    }

    /** The stable download endpoint of the whole dataset (file null) or of one file. */
    private URI download(KaggleLink kaggle, String file) {
        HttpUrl.Builder url = base.newBuilder();
        if (kaggle.competition()) {
            url.addPathSegments(file == null ? "competitions/data/download-all" : "competitions/data/download")
                    .addPathSegment(kaggle.slug());
        } else {
            url.addPathSegments("datasets/download").addPathSegment(kaggle.owner()).addPathSegment(kaggle.slug());
        }
        if (file != null) {
            url.addPathSegment(file);
        }
        if (kaggle.version() != null) {
            url.addQueryParameter("datasetVersionNumber", kaggle.version());
        }
        return url.build().uri();
    }

    private static Instructions rules(CatalogEntry entry, KaggleLink kaggle) {
        return new Instructions("Kaggle competition " + kaggle.slug() + ": you have not accepted its rules yet, and "
                + "only the website can accept them.", List.of(
                "Open " + kaggle.page() + "/rules while logged in to Kaggle and accept the rules (Join Competition, "
                        + "or Late Submission for a closed one; some competitions also need a phone-verified account)",
                "Then run: medfetch add " + entry.id()));
    }

    /**
     * A slug that is a strict prefix of the dataset's name, continuing with a letter: {@code rsna} for
     * "RSNA Intracranial Hemorrhage" or {@code id} for "IDRiD", but not {@code retouch} for "RETOUCH2017".
     */
    /**
     * Certain truncation only: a slug shorter than Kaggle allows (6 characters; Kaggle/kaggle-api
     * dataset_create_new: "The dataset slug must be between 6 and 50 characters") that is the start of
     * the dataset's name. A slug shorter than the title is otherwise normal.
     */
    static boolean cutShort(CatalogEntry entry, KaggleLink kaggle) {
        String slug = compact(kaggle.slug());
        String name = compact(entry.name());
        return !slug.isEmpty() && kaggle.slug().length() < SHORTEST_SLUG && name.length() > slug.length()
                && name.startsWith(slug);
    }

    private static String compact(String text) {
        return DatasetIds.slug(text).replace("-", "");
    }

    static Instructions instructions(CatalogEntry entry, KaggleLink kaggle) {
        List<String> steps = new ArrayList<>();
        steps.add("Create a Kaggle API token: https://www.kaggle.com → Account (Settings) → API → Create New Token; "
                + "this downloads kaggle.json");
        steps.add("Put kaggle.json in ~/.kaggle/ (chmod 600 ~/.kaggle/kaggle.json), or export KAGGLE_USERNAME and "
                + "KAGGLE_KEY, or export KAGGLE_API_TOKEN (from kaggle auth login; kaggle auth print-access-token)");
        if (kaggle.competition()) {
            steps.add("Accept the competition's rules while logged in: open " + kaggle.page()
                    + "/rules and click Join Competition (or Late Submission for a closed one)");
        }
        steps.add("Then run: medfetch add " + entry.id());
        String what = kaggle.competition() ? "Kaggle competition " : "Kaggle dataset ";
        return new Instructions(what + kaggle.ref() + ": automatic with your Kaggle credentials"
                + (kaggle.competition() ? " once you have accepted its rules." : "."), steps);
    }
}
