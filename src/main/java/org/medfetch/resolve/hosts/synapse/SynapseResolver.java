package org.medfetch.resolve.hosts.synapse;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
import org.medfetch.resolve.hosts.AuthorizesDownloads;
import org.medfetch.resolve.hosts.HostAnswer;
import org.medfetch.resolve.hosts.HostAuthorizer;
import org.medfetch.resolve.hosts.HostClient;
import org.medfetch.resolve.hosts.HostContext;
import org.medfetch.resolve.hosts.HostName;
import org.medfetch.resolve.hosts.RemotePath;
import org.medfetch.resolve.hosts.Secret;
import org.medfetch.resolve.hosts.Steps;

/**
 * Synapse entities ({@code synapse.org/#!Synapse:syn…}, {@code synapse.org/Synapse:syn…}): with
 * SYNAPSE_AUTH_TOKEN, a file, or a folder or project walked through its children page by page, each
 * file with its MD5 and size from its file handle. Downloads go through {@code /entity/{id}/file}, whose
 * pre-signed URL is asked for again before every attempt and never stored. Without a token, or when an
 * entity has unmet access requirements (controlled access), the steps name the token,
 * {@code synapse get -r} and the page where access is requested.
 *
 * <p>Reference: https://rest-docs.synapse.org/rest/ (GET /entity/{id}/file, POST /entity/children,
 * POST /entity/{id}/bundle2); Sage-Bionetworks/synapsePythonClient (SYNAPSE_AUTH_TOKEN)
 */
public final class SynapseResolver implements Resolver, AuthorizesDownloads {

    static final String TOKEN_VARIABLE = "SYNAPSE_AUTH_TOKEN";
    public static final Host HOST = Host.named("synapse", "api with SYNAPSE_AUTH_TOKEN: files and folders with MD5; "
            + "without it, or for controlled access, synapse get steps").api("https://repo-prod.prod.sagebase.org")
            .domains("synapse.org")
            .examples("https://www.synapse.org/#!Synapse:syn3193805/wiki/217789",
                    "https://www.synapse.org/Synapse:syn51156910/wiki/622351", "https://www.synapse.org/Synapse:syn25829067")
            .credentials(List.of(TOKEN_VARIABLE + " (a personal access token with view and download scopes)"))
            .accountRequired()
            .ids(id -> "https://www.synapse.org/Synapse:" + id);
    public static final String NAME = HOST.name();
    private static final Pattern SYN_ID = Pattern.compile("Synapse:(syn\\d+)", Pattern.CASE_INSENSITIVE);
    private static final int MAX_FILES = 100_000;

    private final HostClient api;
    private final HttpUrl base;
    private final Secret token;

    public SynapseResolver(HostContext context) {
        this.api = context.client("Synapse", "Your Synapse account lacks access, or " + TOKEN_VARIABLE
                + " has expired or lacks the download scope.");
        this.base = context.api(HOST);
        this.token = context.user().variable(TOKEN_VARIABLE).map(v -> new Secret(v, TOKEN_VARIABLE)).orElse(null);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && HostName.within(link, "synapse.org");
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        Optional<String> id = synId(link);
        if (id.isEmpty()) {
            return Classification.manual(NAME, page(entry, link));
        }
        return Classification.of(LinkClass.API, NAME).withInstructions(steps(entry, id.get(), false));
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        Optional<String> id = synId(link);
        if (id.isEmpty()) {
            return new Resolution.Manual(page(entry, link));
        }
        if (token == null) {
            return new Resolution.Manual(steps(entry, id.get(), false));
        }
        HostAnswer root = bundle(id.get());
        if (root.code() == 403) {
            return new Resolution.Manual(steps(entry, id.get(), true));
        }
        SynapseApi.Bundle bundle = api.read(root, SynapseApi.Bundle.class);
        if (bundle.entity() == null) {
            throw api.unexpected("the bundle of " + id.get() + " has no entity");
        }
        if (bundle.unmet()) {
            return new Resolution.Manual(steps(entry, id.get(), true));
        }
        List<Source> sources = new ArrayList<>();
        List<Found> files = new ArrayList<>();
        if (SynapseApi.FILE.equals(bundle.entity().concreteType())) {
            files.add(new Found(id.get(), ""));
        } else {
            walk(id.get(), "", files);
        }
        for (Found file : files) {
            SynapseApi.Bundle b = file.id().equals(id.get()) ? bundle : api.read(bundle(file.id()), SynapseApi.Bundle.class);
            SynapseApi.FileHandle handle = b.dataFile();
            if (b.unmet() || handle == null) {
                return new Resolution.Manual(steps(entry, id.get(), true));
            }
            String name = file.prefix() + (b.entity().name() != null ? b.entity().name() : handle.fileName());
            List<Checksum> md5 = handle.contentMd5() == null ? List.of() : List.of(new Checksum("md5", handle.contentMd5()));
            sources.add(new Source.HttpSource(fileUrl(file.id()), RemotePath.of(name, api), handle.contentSize(), md5, NAME));
        }
        if (sources.isEmpty()) {
            throw new ResolveException("Synapse " + id.get() + " holds no files", false);
        }
        return new Resolution.Fetch(sources, null, new DatasetInfo(bundle.entity().name(), null, null, null,
                "https://www.synapse.org/Synapse:" + id.get()), Map.of());
    }

    /** A fresh pre-signed URL for a file: asked for with the token, sent to the storage without it. */
    @Override
    public Authorizer.Authorized authorize(URI stableUrl) throws ResolveException {
        HostAuthorizer.requireOrigin(stableUrl, base, "Synapse");
        if (token == null) {
            throw new ResolveException("this Synapse file needs " + TOKEN_VARIABLE + ", which is not set", false);
        }
        HttpUrl url = HttpUrl.get(stableUrl.toString()).newBuilder().addQueryParameter("redirect", "false").build();
        HostAnswer answer = api.send(api.request(url, headers()).header("Accept", "text/plain").build());
        api.check(answer);
        return new Authorizer.Authorized(api.link(answer.body(), "the pre-signed URL of a Synapse file"), Map.of());
    }

    /** A file entity found, and the folders above it as a path prefix. */
    private record Found(String id, String prefix) {
    }

    /** Every file below a folder or project, with the folders' names as its path. */
    private void walk(String parent, String prefix, List<Found> files) throws ResolveException {
        String pageToken = null;
        do {
            SynapseApi.Children page = api.postJson(base.newBuilder().addPathSegments("repo/v1/entity/children").build(),
                    new SynapseApi.ChildrenRequest(parent, List.of("file", "folder"), pageToken), headers(),
                    SynapseApi.Children.class);
            for (SynapseApi.Child child : page.page() == null ? List.<SynapseApi.Child>of() : page.page()) {
                if (SynapseApi.FOLDER.equals(child.type())) {
                    walk(child.id(), prefix + child.name() + "/", files);
                } else if (SynapseApi.FILE.equals(child.type())) {
                    files.add(new Found(child.id(), prefix));
                }
                if (files.size() > MAX_FILES) {
                    throw new ResolveException("Synapse " + parent + " holds more than " + MAX_FILES + " files; add "
                            + "its sub-folders one by one", false);
                }
            }
            pageToken = page.nextPageToken();
        } while (pageToken != null && !pageToken.isBlank());
    }

    private HostAnswer bundle(String id) throws ResolveException {
        HttpUrl url = base.newBuilder().addPathSegments("repo/v1/entity").addPathSegment(id).addPathSegment("bundle2").build();
        String body;
        try {
            body = org.medfetch.resolve.hosts.Json.MAPPER.writeValueAsString(SynapseApi.BundleRequest.ALL);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("a request of three booleans always serialises", e);
        }
        return api.send(api.request(url, headers())
                .post(okhttp3.RequestBody.create(body, okhttp3.MediaType.get("application/json"))).build());
    }

    private URI fileUrl(String id) {
        return base.newBuilder().addPathSegments("repo/v1/entity").addPathSegment(id).addPathSegment("file").build().uri();
    }

    private Map<String, String> headers() {
        return token == null ? Map.of() : Map.of("Authorization", "Bearer " + token.reveal());
    }

    static Optional<String> synId(URI link) {
        Matcher m = SYN_ID.matcher(link.toString());
        return m.find() ? Optional.of(m.group(1).toLowerCase(java.util.Locale.ROOT)) : Optional.empty();
    }

    private static Instructions steps(CatalogEntry entry, String id, boolean access) {
        String page = "https://www.synapse.org/Synapse:" + id;
        List<String> steps = new ArrayList<>();
        if (access) {
            steps.add("Open " + page + " signed in and meet its access requirements (Request Access: a data use "
                    + "agreement, sometimes an IRB approval or a certified-user quiz; approval can take days)");
        } else {
            steps.add("Create a Synapse account (https://www.synapse.org) and, for controlled data, meet the access "
                    + "requirements shown on " + page);
            steps.add("Create a personal access token with view and download scopes (Account Settings → Personal "
                    + "Access Tokens) and export " + TOKEN_VARIABLE + "=<token>, then run: medfetch add " + entry.id());
        }
        steps.add("Or with the Synapse client (pip install synapseclient): synapse get -r " + id + " --downloadLocation "
                + Steps.folder(entry) + ", then: medfetch adopt " + entry.id() + " " + Steps.folder(entry));
        return new Instructions(access ? "Synapse " + id + " is under controlled access: your account has not met its "
                + "access requirements." : "Synapse " + id + ": automatic with a Synapse personal access token.", steps);
    }

    private static Instructions page(CatalogEntry entry, URI link) {
        return new Instructions("The Synapse link names no entity (syn…); it is a page about the data.", List.of(
                "Open " + link + " and find the data's Synapse id (synNNNN, in the Files tab or the wiki)",
                "Then run: medfetch add https://www.synapse.org/Synapse:<synNNNN>", Steps.adopt(entry)));
    }
}
