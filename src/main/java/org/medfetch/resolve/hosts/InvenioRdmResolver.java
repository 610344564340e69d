package org.medfetch.resolve.hosts;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import okhttp3.HttpUrl;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.Host;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Source;

/**
 * Records of any InvenioRDM installation other than Zenodo (university and institute repositories:
 * data.caltech.edu, researchdata.tuwien.ac.at, repository.tugraz.at, ...), by link shape:
 * {@code /records/<id>} and one file of it, {@code /records/<id>/files/<name>}. The record API is
 * Zenodo's ({@link InvenioRecords}), at the link's own host. An id of InvenioRDM's own form
 * ({@code cbc2k-q9x58}: two groups of five lower-case base-32 characters) names such a record on any
 * site; a numeric id ({@code /records/123}, as migrated installations keep) may be any site's page, so
 * {@code add} asks {@code /api/records/<id>} first and, when no InvenioRDM answers, treats the link as
 * the web page it may be.
 *
 * <p>Reference: https://inveniordm.docs.cern.ch/reference/rest_api_drafts_records/#get-a-record
 */
public final class InvenioRdmResolver implements Resolver {

    public static final Host HOST = Host.named("invenio-rdm", "api: records of any InvenioRDM repository, by link "
            + "shape, with MD5; numeric record ids confirmed by the API, else a web page; restricted records manual")
            .linkHostEndpoint()
            .examples("https://data.caltech.edu/records/cbc2k-q9x58",
                    "https://researchdata.tuwien.ac.at/records/cbc2k-q9x58/files/scans.zip",
                    "https://repository.tugraz.at/records/123");
    public static final String NAME = HOST.name();
    /** InvenioRDM's record ids: 10 Crockford base-32 characters split by a dash (docs: "e.g. cbc2k-q9x58"). */
    private static final Pattern RDM_ID = Pattern.compile("[0-9a-hjkmnp-tv-z]{5}-[0-9a-hjkmnp-tv-z]{5}");
    private static final Pattern NUMERIC_ID = Pattern.compile("\\d{1,12}");

    private final HostClient api;
    private final URI endpoint;
    private final WebPageResolver web;

    public InvenioRdmResolver(HostContext context) {
        this.api = context.client("InvenioRDM", "The record may be restricted: request access on its page.");
        this.endpoint = context.endpoint(HOST);
        this.web = new WebPageResolver(context);
    }

    @Override
    public Host host() {
        return HOST;
    }

    @Override
    public boolean accepts(URI link) {
        return HostName.isHttp(link) && !HostName.within(link, "zenodo.org") && recordAt(link) >= 0;
    }

    @Override
    public Classification classify(CatalogEntry entry, URI link) {
        return Classification.of(LinkClass.API, NAME);
    }

    @Override
    public Resolution resolve(CatalogEntry entry, URI link) throws ResolveException {
        List<String> s = HostName.segments(link);
        int at = recordAt(link);
        String id = s.get(at + 1);
        HttpUrl base = base(link, s.subList(0, at));
        String site = HostName.host(link);
        InvenioRecords records = new InvenioRecords(api, new InvenioRecords.Site(site, NAME, site, null, null, true));
        HostAnswer answer = records.record(base, id);
        if (!RDM_ID.matcher(id).matches() && !answersAsInvenio(answer)) {
            return web.resolve(entry, LinkOrigin.moved(link, endpoint));
        }
        Resolution resolution = records.resolve(entry, base, id, answer);
        String only = s.size() == at + 4 ? s.get(at + 3) : null;
        if (only == null || !(resolution instanceof Resolution.Fetch fetch)) {
            return resolution;
        }
        List<Source> kept = fetch.sources().stream().filter(source -> source.path().equals(only)).toList();
        if (kept.isEmpty()) {
            throw api.unexpected("record " + id + " has no file " + only);
        }
        return new Resolution.Fetch(kept, fetch.notes(), fetch.info(), fetch.sidecars(), fetch.needsPerson());
    }

    /** A record's JSON (or InvenioRDM's JSON refusal of a restricted one), not some other site's page. */
    private static boolean answersAsInvenio(HostAnswer answer) {
        JsonNode tree;
        try {
            tree = Json.MAPPER.readTree(answer.body());
        } catch (java.io.IOException e) {
            return false;
        }
        if (tree == null || !tree.isObject()) {
            return false;
        }
        if (answer.code() == 401 || answer.code() == 403) {
            return tree.has("status") && tree.has("message");
        }
        return answer.code() / 100 != 2 ? answer.code() != 404 && answer.code() != 410
                : tree.has("metadata") && (tree.has("files") || tree.has("links"));
    }

    /** The index of the "records" segment followed by an id, or -1. */
    private static int recordAt(URI link) {
        List<String> s = HostName.segments(link);
        int at = s.indexOf("records");
        if (at < 0 || at + 1 >= s.size() || s.size() > at + 4) {
            return -1;
        }
        String id = s.get(at + 1);
        boolean tail = s.size() == at + 2 || s.size() == at + 4 && s.get(at + 2).equals("files");
        return tail && (RDM_ID.matcher(id).matches() || NUMERIC_ID.matcher(id).matches()) ? at : -1;
    }

    /** The installation's root: the link's origin (or the endpoint) and any path before /records. */
    private HttpUrl base(URI link, List<String> prefix) {
        HttpUrl.Builder root = LinkOrigin.origin(link, endpoint).newBuilder();
        prefix.forEach(root::addPathSegment);
        return root.build();
    }
}
