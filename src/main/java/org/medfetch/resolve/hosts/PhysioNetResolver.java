package org.medfetch.resolve.hosts;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
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
 * PhysioNet projects ({@code physionet.org/content/<slug>/<version>/}, {@code /files/...}): the files the
 * project's {@code SHA256SUMS.txt} lists (every file but itself), each fetched from
 * {@code /files/<slug>/<version>/<path>} and verified against its SHA-256. Credentialed and restricted
 * projects are read with PHYSIONET_USERNAME and PHYSIONET_PASSWORD the way wget does (HTTP Basic, which
 * PhysioNet honours only for wget's and libwfdb's User-Agent); without them, or without the access the
 * project needs, the steps say which account, training and data use agreement it takes.
 *
 * <p>Reference: https://github.com/MIT-LCP/physionet-build (physionet-django/project/utility.py
 * require_http_auth, projectfiles/local.py make_checksum_file)
 */
public final class PhysioNetResolver implements Resolver, AuthorizesDownloads {

    static final String USER_VARIABLE = "PHYSIONET_USERNAME";
    static final String PASSWORD_VARIABLE = "PHYSIONET_PASSWORD";
    public static final Host HOST = Host.named("physionet", "api: open projects file by file, SHA-256 from "
            + "SHA256SUMS.txt; credentialed ones with a PhysioNet account, else the access steps")
            .api("https://physionet.org").domains("physionet.org")
            .examples("https://physionet.org/content/mitdb/1.0.0/", "https://physionet.org/files/ptb-xl/1.0.3/",
                    "https://physionet.org/content/mimic-cxr-jpg/2.1.0/", "https://physionet.org/content/chbmit/",
                    "https://physionet.org/physiobank/database/mimiccxr/", "https://physionet.org/challenge/2019/")
            .credentials(List.of(USER_VARIABLE + " + " + PASSWORD_VARIABLE
                    + " (credentialed and restricted projects)"))
            .ids(id -> "https://physionet.org/content/" + id + "/");
    public static final String NAME = HOST.name();
    /** PhysioNet answers HTTP Basic only to these clients (physionet-build project/utility.py HTTP_AUTH_USER_AGENT). */
    private static final String WGET_AGENT = "Wget/1.21 (medfetch)";
    private static final Pattern VERSION = Pattern.compile("\\d+(\\.\\d+)*");

    private final HostClient api;
    private final HttpUrl base;
    private final UserConfig user;

    public PhysioNetResolver(HostContext context) {
        this.api = context.client("PhysioNet", "The project needs a PhysioNet account with access to it.");
        this.base = context.api(HOST);
        this.user = context.user();
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        if (!HostName.isHttp(link) || !HostName.within(link, "physionet.org")) {
            return false;
        }
        return project(link) != null;
    }

    /** A project and its version, when the link names one. */
    record Project(String slug, String version) {
    }

    /**
     * The project slug and, when the link names one, its version: {@code content/<slug>/<version>/},
     * {@code files/...}, the old {@code physiobank/database/<slug>/} and {@code challenge/<year>/} (now the
     * project {@code challenge-<year>}).
     */
    static Project project(URI link) {
        List<String> s = HostName.segments(link);
        if (s.size() >= 2 && (s.get(0).equals("content") || s.get(0).equals("files"))) {
            return new Project(s.get(1), s.size() > 2 && VERSION.matcher(s.get(2)).matches() ? s.get(2) : null);
        }
        if (s.size() >= 3 && s.get(0).equals("physiobank") && s.get(1).equals("database")) {
            return new Project(s.get(2), null);
        }
        if (s.size() >= 2 && s.get(0).equals("challenge") && s.get(1).matches("\\d{4}")) {
            return new Project("challenge-" + s.get(1), null);
        }
        return null;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Project project = project(link);
        String slug = project.slug();
        String version = project.version() != null ? project.version() : latest(slug);
        HttpUrl files = base.newBuilder().addPathSegment("files").addPathSegment(slug).addPathSegment(version).build();
        HttpUrl sums = files.newBuilder().addPathSegment("SHA256SUMS.txt").build();
        HostAnswer answer = api.send(api.request(sums, Map.of("Accept", "text/plain")).build());
        boolean credentialed = false;
        if (answer.code() == 401 || answer.code() == 403) {
            Map<String, String> login = login();
            if (login.isEmpty()) {
                return new Resolution.Manual(steps(entry, slug, version, false));
            }
            answer = api.send(api.request(sums, login).build());
            if (answer.code() == 401 || answer.code() == 403) {
                return new Resolution.Manual(steps(entry, slug, version, true));
            }
            credentialed = true;
        }
        api.check(answer);
        List<Source> sources = new ArrayList<>();
        for (String line : answer.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            // One space between digest and path (make_checksum_file), two in sha256sum's own output.
            Matcher m = Pattern.compile("([0-9a-fA-F]{64}) [ *]?(.+)").matcher(line.strip());
            if (!m.matches()) {
                throw api.unexpected("SHA256SUMS.txt of " + slug + "/" + version + " has a line that is not "
                        + "'<sha256> <path>'");
            }
            String path = RemotePath.of(m.group(2), api);
            HttpUrl.Builder url = files.newBuilder();
            List.of(path.split("/")).forEach(url::addPathSegment);
            sources.add(new Source.HttpSource(url.build().uri(), path, null, List.of(new Checksum("sha256", m.group(1))),
                    credentialed ? NAME : null));
        }
        if (sources.isEmpty()) {
            throw api.unexpected("SHA256SUMS.txt of " + slug + "/" + version + " lists no files");
        }
        String page = base.newBuilder().addPathSegment("content").addPathSegment(slug).addPathSegment(version)
                .addPathSegment("").build().toString();
        return new Resolution.Fetch(sources, null, new DatasetInfo(slug + " " + version, null, null, null, page,
                List.of(), null, version, "PhysioNet"), Map.of());
    }

    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "PhysioNet");
        Map<String, String> login = login();
        if (login.isEmpty()) {
            throw new ResolveException("this PhysioNet file needs " + USER_VARIABLE + " and " + PASSWORD_VARIABLE
                    + ", which are not set", false);
        }
        return new Authorizer.Authorized(stableUrl, login);
    }

    /** The project's latest version, from its landing page's links to /files/SLUG/VERSION/ or /content/SLUG/VERSION/. */
    private String latest(String slug) throws ResolveException {
        String page = api.page(base.newBuilder().addPathSegment("content").addPathSegment(slug).addPathSegment("").build());
        Matcher m = Pattern.compile("/(?:files|content)/" + Pattern.quote(slug) + "/(\\d+(?:\\.\\d+)*)/").matcher(page);
        if (!m.find()) {
            throw api.unexpected("the page of " + slug + " names no version");
        }
        return m.group(1);
    }

    /** Basic credentials and wget's User-Agent, or nothing when the user has not set both variables. */
    private Map<String, String> login() {
        var name = user.variable(USER_VARIABLE);
        var password = user.variable(PASSWORD_VARIABLE);
        if (name.isEmpty() || password.isEmpty()) {
            return Map.of();
        }
        String pair = name.get() + ":" + password.get();
        return Map.of("Authorization", "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)),
                "User-Agent", WGET_AGENT);
    }

    private Instructions steps(CatalogEntry entry, String slug, String version, boolean refused) {
        String page = "https://physionet.org/content/" + slug + "/" + version + "/";
        String summary = refused
                ? "PhysioNet refused your account for " + slug + " " + version + ": it lacks the access this project needs."
                : "PhysioNet project " + slug + " " + version + " is credentialed or restricted: it needs a PhysioNet "
                        + "account with access.";
        return new Instructions(summary, List.of(
                "Create a PhysioNet account: https://physionet.org/register/",
                "If the project is credentialed, apply for credentialing (https://physionet.org/settings/credentialing/) "
                        + "and complete the training it names (usually CITI 'Data or Specimens Only Research')",
                "Sign the project's data use agreement: https://physionet.org/sign-dua/" + slug + "/" + version + "/ "
                        + "(the Files section of " + page + " says what is missing)",
                "Export " + USER_VARIABLE + "=<user> and " + PASSWORD_VARIABLE + "=<password>, then run: medfetch add "
                        + entry.id()));
    }
}
