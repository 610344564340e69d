package org.medfetch;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.Endpoints;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.hosts.AcademicTorrentsResolver;
import org.medfetch.resolve.hosts.AiStudioResolver;
import org.medfetch.resolve.hosts.ChallengeHosts;
import org.medfetch.resolve.hosts.CkanResolver;
import org.medfetch.resolve.hosts.DSpaceResolver;
import org.medfetch.resolve.hosts.DataverseResolver;
import org.medfetch.resolve.hosts.DirectHttpResolver;
import org.medfetch.resolve.hosts.DoiContentNegotiation;
import org.medfetch.resolve.hosts.DownloadPageResolver;
import org.medfetch.resolve.hosts.DropboxResolver;
import org.medfetch.resolve.hosts.DryadResolver;
import org.medfetch.resolve.hosts.FigshareResolver;
import org.medfetch.resolve.hosts.GitHubResolver;
import org.medfetch.resolve.hosts.GiteeResolver;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.HuggingFaceResolver;
import org.medfetch.resolve.hosts.HyperAiResolver;
import org.medfetch.resolve.hosts.IncompleteLinkResolver;
import org.medfetch.resolve.hosts.InvenioRdmResolver;
import org.medfetch.resolve.hosts.MagnetResolver;
import org.medfetch.resolve.hosts.ManualHosts;
import org.medfetch.resolve.hosts.MendeleyResolver;
import org.medfetch.resolve.hosts.NextcloudResolver;
import org.medfetch.resolve.hosts.OpenNeuroResolver;
import org.medfetch.resolve.hosts.OsfResolver;
import org.medfetch.resolve.hosts.PhysioNetResolver;
import org.medfetch.resolve.hosts.PortalHosts;
import org.medfetch.resolve.hosts.SeafileResolver;
import org.medfetch.resolve.hosts.TciaResolver;
import org.medfetch.resolve.hosts.TorrentFileResolver;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.hosts.WebPageResolver;
import org.medfetch.resolve.hosts.ZenodoResolver;
import org.medfetch.resolve.hosts.buckets.GcsResolver;
import org.medfetch.resolve.hosts.gdrive.GoogleDriveResolver;
import org.medfetch.resolve.hosts.synapse.SynapseResolver;
import org.medfetch.resolve.hosts.buckets.S3Resolver;
import org.medfetch.resolve.hosts.kaggle.KaggleResolver;
import org.medfetch.resolve.hosts.openxlab.OpenDataLabResolver;
import org.medfetch.resolve.web.ProbeCache;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;

/**
 * The registry: every host, in the order they are asked (the first that accepts a link owns it), one
 * line each. Everything else that needs the list of hosts (medfetch resolvers, the mirror registry,
 * docs/hosts.md, the tests' link tables and the secrets test) reads it from here.
 */
public final class Hosts {

    /** Specific shapes before general ones: magnets and cut-off hosts first, the catch-all web page last. */
    public static final List<Function<HostContext, Resolver>> REGISTRY = List.of(
            MagnetResolver::new,
            IncompleteLinkResolver::new,
            AcademicTorrentsResolver::new,
            HyperAiResolver::new,
            TorrentFileResolver::new,
            context -> ManualHosts.BAIDU_NETDISK,
            AiStudioResolver::new,
            KaggleResolver::new,
            TciaResolver::new,
            ZenodoResolver::new,
            FigshareResolver::new,
            DataverseResolver::new,
            OpenDataLabResolver::new,
            GitHubResolver::new,
            GiteeResolver::new,
            HuggingFaceResolver::new,
            OsfResolver::new,
            DryadResolver::new,
            OpenNeuroResolver::new,
            MendeleyResolver::new,
            PhysioNetResolver::new,
            SynapseResolver::new,
            S3Resolver::new,
            GcsResolver::new,
            DownloadPageResolver::new,
            DropboxResolver::new,
            GoogleDriveResolver::new,
            context -> ManualHosts.WEB_FORM,
            context -> ManualHosts.DOCUMENT_VIEW,
            context -> ManualHosts.PROJECT_PAGE,
            context -> ManualHosts.MEGA,
            context -> ManualHosts.HEYWHALE,
            context -> ManualHosts.INFO_PAGE,
            context -> ChallengeHosts.GRAND_CHALLENGE,
            context -> ChallengeHosts.CODALAB,
            context -> ChallengeHosts.TIANCHI,
            context -> ChallengeHosts.ISIC_CHALLENGE,
            context -> ChallengeHosts.KITS,
            context -> PortalHosts.IEEE_DATAPORT,
            context -> PortalHosts.CARDIAC_ATLAS,
            context -> PortalHosts.BOX,
            context -> PortalHosts.MEDICAL_DECATHLON,
            context -> PortalHosts.NITRC,
            context -> PortalHosts.STANFORD_AIMI,
            context -> PortalHosts.OASIS,
            context -> PortalHosts.ARTICLE,
            // Software that thousands of institutions run, known by link shape on any site: after every
            // named site, before the generic file and page fallbacks.
            NextcloudResolver::new,
            SeafileResolver::new,
            InvenioRdmResolver::new,
            CkanResolver::new,
            DSpaceResolver::new,
            DirectHttpResolver::new,
            WebPageResolver::new);

    private Hosts() {
    }

    /** Every host's resolver, built from one context. */
    public static List<Resolver> all(HostContext context) {
        return REGISTRY.stream().map(host -> host.apply(context)).toList();
    }

    /**
     * @param warnings receives one line per credential problem worth a person's attention
     * @param http     the HTTP client, made when a resolver first calls its host
     * @param probes   what probed links turned out to be (the workspace's cache)
     * @throws UsageException when an endpoint is malformed or names no resolver that takes one
     */
    static Resolvers resolvers(Settings settings, Supplier<OkHttpClient> http, Consumer<String> warnings,
                               ProbeCache probes) {
        Endpoints endpoints = endpoints(settings);
        UserConfig user = new UserConfig(settings.env(), settings.home(), warnings);
        Resolvers resolvers;
        try {
            // A host's own endpoint variable (HF_ENDPOINT) is read, and checked, as its resolver is built.
            resolvers = new Resolvers(all(HostContext.of(endpoints, http, user, probes)));
            endpoints.requireKnown(Stream.concat(resolvers.all().stream().filter(Resolver::takesEndpoint)
                    .map(Resolver::name), Stream.of(DoiMetadata.NAME)).toList());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
        return resolvers;
    }

    /** DOI content negotiation for cite --online, at doi.org or the endpoint chosen for "doi". */
    static DoiMetadata doi(Settings settings, OkHttpClient http) {
        return new DoiContentNegotiation(http, endpoints(settings).base(DoiMetadata.NAME, DoiMetadata.DEFAULT_BASE));
    }

    private static Endpoints endpoints(Settings settings) {
        try {
            return Endpoints.of(settings.endpoints(), settings.env());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage(), e);
        }
    }
}
