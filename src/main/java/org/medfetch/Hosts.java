package org.medfetch;

import java.net.URI;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import okhttp3.OkHttpClient;
import org.medfetch.resolve.DoiMetadata;
import org.medfetch.resolve.Endpoints;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.hosts.AcademicTorrentsResolver;
import org.medfetch.resolve.hosts.AiStudioResolver;
import org.medfetch.resolve.hosts.AiStudioToken;
import org.medfetch.resolve.hosts.BaiduNetdiskResolver;
import org.medfetch.resolve.hosts.DataverseResolver;
import org.medfetch.resolve.hosts.DirectHttpResolver;
import org.medfetch.resolve.hosts.DoiContentNegotiation;
import org.medfetch.resolve.hosts.DownloadPageResolver;
import org.medfetch.resolve.hosts.FigshareResolver;
import org.medfetch.resolve.hosts.GitHubResolver;
import org.medfetch.resolve.hosts.GiteeResolver;
import org.medfetch.resolve.hosts.HeyWhaleResolver;
import org.medfetch.resolve.hosts.HyperAiResolver;
import org.medfetch.resolve.hosts.IncompleteLinkResolver;
import org.medfetch.resolve.hosts.InformationPageResolver;
import org.medfetch.resolve.hosts.KaggleCredentials;
import org.medfetch.resolve.hosts.KaggleResolver;
import org.medfetch.resolve.hosts.MagnetResolver;
import org.medfetch.resolve.hosts.MegaResolver;
import org.medfetch.resolve.hosts.OpenDataLabResolver;
import org.medfetch.resolve.hosts.OpenXLabKeys;
import org.medfetch.resolve.hosts.ProjectPageResolver;
import org.medfetch.resolve.hosts.TciaResolver;
import org.medfetch.resolve.hosts.TorrentFileResolver;
import org.medfetch.resolve.hosts.UserConfig;
import org.medfetch.resolve.hosts.WebPageResolver;
import org.medfetch.resolve.hosts.ZenodoResolver;
import org.medfetch.workflow.Settings;
import org.medfetch.workflow.UsageException;

/**
 * The part of the composition root that knows every host: the resolvers in the order they are asked
 * (the first that accepts a link owns it), each with the base URL the user chose or its default, and
 * with the credentials it reads.
 */
final class Hosts {

    private Hosts() {
    }

    /**
     * @param warnings receives one line per credential problem worth a person's attention
     * @throws UsageException when an endpoint is malformed or names no resolver that takes one
     */
    static Resolvers resolvers(Settings settings, OkHttpClient http, Consumer<String> warnings) {
        Endpoints endpoints = endpoints(settings);
        UserConfig user = new UserConfig(settings.env(), settings.home(), warnings);
        Resolvers resolvers = new Resolvers(List.of(
                new MagnetResolver(),
                new IncompleteLinkResolver(),
                new AcademicTorrentsResolver(endpoints.base(AcademicTorrentsResolver.NAME,
                        AcademicTorrentsResolver.DEFAULT_BASE)),
                new HyperAiResolver(http, endpoints.base(HyperAiResolver.NAME, null)),
                new TorrentFileResolver(),
                new BaiduNetdiskResolver(),
                new AiStudioResolver(http, endpoints.base(AiStudioResolver.NAME, AiStudioResolver.DEFAULT_BASE),
                        new AiStudioToken(user)),
                new KaggleResolver(http, endpoints.base(KaggleResolver.NAME, KaggleResolver.DEFAULT_BASE),
                        new KaggleCredentials(user)),
                new TciaResolver(http, endpoints.base(TciaResolver.NAME, TciaResolver.DEFAULT_BASE)),
                new ZenodoResolver(http, endpoints.base(ZenodoResolver.NAME, ZenodoResolver.DEFAULT_BASE), user),
                new FigshareResolver(http, endpoints.base(FigshareResolver.NAME, FigshareResolver.DEFAULT_BASE)),
                new DataverseResolver(http, endpoints.base(DataverseResolver.NAME, null)),
                new OpenDataLabResolver(http, endpoints.base(OpenDataLabResolver.NAME, OpenDataLabResolver.DEFAULT_BASE),
                        openXLabSignIn(endpoints), new OpenXLabKeys(user)),
                new GitHubResolver(http, endpoints.base(GitHubResolver.NAME, GitHubResolver.DEFAULT_BASE), user),
                new GiteeResolver(http, endpoints.base(GiteeResolver.NAME, GiteeResolver.DEFAULT_BASE)),
                new DownloadPageResolver(http, endpoints.base(DownloadPageResolver.NAME, null)),
                new ProjectPageResolver(),
                new MegaResolver(),
                new HeyWhaleResolver(),
                new InformationPageResolver(),
                new DirectHttpResolver(),
                new WebPageResolver()));
        try {
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

    /** OpenXLab signs in on another host; an endpoint for "opendatalab" serves both, sign-in under its path. */
    private static URI openXLabSignIn(Endpoints endpoints) {
        return endpoints.chosen(OpenDataLabResolver.NAME)
                .map(base -> URI.create(base + "/" + OpenDataLabResolver.SIGN_IN_PATH))
                .orElse(OpenDataLabResolver.DEFAULT_SIGN_IN);
    }
}
