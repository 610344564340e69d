package org.medfetch.resolve.mirrors;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Checksum;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.Instructions;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolution;
import org.medfetch.resolve.ResolveException;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.Source;

/**
 * Turns a dataset's mirror rows into candidate sources, in the order add tries them: all primary rows
 * together, then each alternative provider; rows that need an account or are of low trust are offered
 * but never used by themselves. API rows (a Zenodo record, a Figshare article, a TCIA collection) are
 * expanded by the host's resolver, like a catalog link.
 */
public final class MirrorSources {

    /**
     * @param usable false for rows that are only offered (accounts, low trust)
     * @param link   a URL describing the candidate (its first row's)
     */
    public record Candidate(String label, Mirror.Use use, boolean usable, LinkClass linkClass, String link,
                            List<Mirror> rows) {
    }

    private static final Pattern BRACES = Pattern.compile("\\{(\\d+)\\.\\.(\\d+)}");
    private static final Pattern FILE_NAME = Pattern.compile("[^\\s/()]+\\.[A-Za-z0-9]+");

    private final MirrorRegistry registry;
    private final Resolvers resolvers;

    public MirrorSources(MirrorRegistry registry, Resolvers resolvers) {
        this.registry = registry;
        this.resolvers = resolvers;
    }

    public List<Candidate> candidates(CatalogEntry entry) {
        List<Mirror> rows = registry.forDataset(entry.name());
        List<Candidate> out = new ArrayList<>();
        List<Mirror> primary = rows.stream().filter(m -> m.use() == Mirror.Use.PRIMARY).toList();
        if (!primary.isEmpty()) {
            out.add(candidate(entry.name() + " mirror", Mirror.Use.PRIMARY, primary));
        }
        Map<String, List<Mirror>> others = new LinkedHashMap<>();
        for (Mirror m : rows) {
            if (m.use() != Mirror.Use.PRIMARY) {
                others.computeIfAbsent(m.use() + " " + provider(m), k -> new ArrayList<>()).add(m);
            }
        }
        for (List<Mirror> group : others.values()) {
            out.add(candidate(group.get(0).label(), group.get(0).use(), group));
        }
        return out;
    }

    /** The first candidate add would use, if any. */
    public Optional<Candidate> primary(CatalogEntry entry) {
        return candidates(entry).stream().filter(c -> c.use() == Mirror.Use.PRIMARY).findFirst();
    }

    /** Expands a candidate into sources; API rows go through their host's resolver. */
    public Resolution resolve(CatalogEntry entry, Candidate candidate) throws ResolveException {
        Map<String, Source.HttpSource> files = new LinkedHashMap<>();
        List<Source> others = new ArrayList<>();
        DatasetInfo info = DatasetInfo.NONE;
        Map<String, String> sidecars = new LinkedHashMap<>();
        for (Mirror m : candidate.rows()) {
            if (m.kind().equals("torrent")) {
                others.add(new Source.TorrentSource(m.filename(), entry.id()));
            } else if (isFileUrl(m) || isPlainHttp(m)) {
                for (Source.HttpSource s : httpSources(m)) {
                    files.merge(s.url().toString(), s, MirrorSources::mergeChecksums);
                }
            } else {
                Resolution r = resolveLink(entry, apiLink(m, resolvers));
                if (!(r instanceof Resolution.Fetch fetch)) {
                    return r;
                }
                fetch.sources().forEach(s -> {
                    if (s instanceof Source.HttpSource h) {
                        files.merge(h.url().toString(), h, MirrorSources::mergeChecksums);
                    } else {
                        others.add(s);
                    }
                });
                info = info == DatasetInfo.NONE ? fetch.info() : info;
                sidecars.putAll(fetch.sidecars());
            }
        }
        List<Source> sources = new ArrayList<>(files.values());
        sources.addAll(others);
        Instructions notes = new Instructions("Source: " + candidate.label() + " (mirror registry; facts from "
                + candidate.rows().get(0).source() + ").", List.of());
        return new Resolution.Fetch(sources, notes, info, sidecars);
    }

    private Candidate candidate(String label, Mirror.Use use, List<Mirror> rows) {
        Mirror first = rows.get(0);
        return new Candidate(label, use, use == Mirror.Use.PRIMARY || use == Mirror.Use.ALTERNATIVE, linkClass(first),
                displayLink(first), rows);
    }

    private LinkClass linkClass(Mirror m) {
        if (m.kind().equals("torrent")) {
            return LinkClass.TORRENT;
        }
        if (isFileUrl(m) || isPlainHttp(m)) {
            return LinkClass.HTTP;
        }
        if (byId(m).isPresent()) {
            return LinkClass.API;
        }
        return Resolvers.parse(m.urlOrId()).map(u -> resolvers.classify(new CatalogEntry("m", m.label(), null, null,
                null, null, null, u.toString(), 0)).linkClass()).orElse(LinkClass.HTTP);
    }

    /** The host a row of this kind names by id (the registry's hosts that take ids), if any. */
    private Optional<UnaryOperator<String>> byId(Mirror m) {
        return resolvers.byName(m.kind()).map(r -> r.host().idLink());
    }

    private Resolution resolveLink(CatalogEntry entry, String link) throws ResolveException {
        URI uri = Resolvers.parse(link).orElseThrow(() -> new ResolveException("mirror link " + link + " is not a URL", false));
        Resolver owner = resolvers.owner(uri).orElseThrow(() ->
                new ResolveException("no resolver accepts the mirror link " + link, false));
        CatalogEntry mirrorEntry = new CatalogEntry(entry.id(), entry.name(), entry.section(), entry.task(), entry.part(),
                entry.format(), entry.count(), link, entry.line());
        return owner.resolve(mirrorEntry, uri);
    }

    /**
     * The URL a row stands for, so the host's resolver can expand it: a row whose kind names a host that
     * takes ids (a Zenodo record, OWNER/NAME on Kaggle) becomes that host's link; a URL stays itself.
     */
    static String apiLink(Mirror m, Resolvers resolvers) {
        String id = m.urlOrId();
        if (id.contains("://")) {
            return id;
        }
        return resolvers.byName(m.kind()).map(r -> r.host().idLink()).map(link -> link.apply(id)).orElse(id);
    }

    private String displayLink(Mirror m) {
        return m.kind().equals("torrent") ? m.filename() : apiLink(m, resolvers);
    }

    /**
     * An http row at a site no host resolver knows (e.g. an on-the-fly zip of an OSF folder): fetched as
     * is, named after its label.
     */
    private boolean isPlainHttp(Mirror m) {
        if (!m.kind().equals("http")) {
            return false;
        }
        // Hosts that own no site and take no ids (a data file by its extension, any other page) are not asked.
        return Resolvers.parse(m.urlOrId()).flatMap(resolvers::owner)
                .map(r -> r.host().domains().isEmpty() && r.host().idLink() == null).orElse(true);
    }

    /** A row that is one file (or a brace range of files) at a plain URL. */
    private static boolean isFileUrl(Mirror m) {
        if (!(m.kind().equals("http") || m.kind().equals("zenodo")) || !m.urlOrId().contains("://")) {
            return false;
        }
        return name(m) != null || BRACES.matcher(m.urlOrId()).find();
    }

    private static List<Source.HttpSource> httpSources(Mirror m) {
        List<Checksum> sums = m.checksum() == null ? List.of() : List.of(m.checksum());
        Matcher braces = BRACES.matcher(m.urlOrId());
        if (!braces.find()) {
            return List.of(new Source.HttpSource(URI.create(m.urlOrId()), path(m, null), m.size(), sums, null));
        }
        int width = braces.group(1).length();
        List<Source.HttpSource> out = new ArrayList<>();
        for (long n = Long.parseLong(braces.group(1)); n <= Long.parseLong(braces.group(2)); n++) {
            String number = String.format("%0" + width + "d", n);
            out.add(new Source.HttpSource(URI.create(braces.replaceFirst(number)), path(m, number), null, sums, null));
        }
        return out;
    }

    /** Where a row's file goes: "A -> B" stores as B, else the file name column or the URL's last segment. */
    private static String path(Mirror m, String number) {
        String text = m.filename();
        int arrow = text.indexOf("->");
        String chosen = arrow >= 0 ? text.substring(arrow + 2).strip() : name(m);
        if (chosen == null) {
            boolean zip = (m.filename() + m.urlOrId()).toLowerCase(java.util.Locale.ROOT).contains("zip");
            chosen = org.medfetch.catalog.DatasetIds.slug(m.label()) + (zip ? ".zip" : ".bin");
        }
        return number == null ? chosen : chosen.replaceAll("X{2,}", number);
    }

    /** The plain file name of a row (filename column before any note, else the URL's), or null. */
    private static String name(Mirror m) {
        String column = m.filename().split("\\s+\\(|\\s*->", 2)[0].strip();
        if (FILE_NAME.matcher(column).matches() && !column.contains("X")) {
            return column;
        }
        String path = m.urlOrId().replaceAll("[?#].*$", "");
        String last = path.substring(path.lastIndexOf('/') + 1);
        return FILE_NAME.matcher(last).matches() && !last.contains("{") ? last : null;
    }

    private static String provider(Mirror m) {
        URI uri = m.urlOrId().contains("://") ? URI.create(m.urlOrId().replaceAll("[{}]", "")) : null;
        return m.kind() + ":" + (uri != null ? uri.getHost() : m.urlOrId());
    }

    private static Source.HttpSource mergeChecksums(Source.HttpSource a, Source.HttpSource b) {
        List<Checksum> all = new ArrayList<>(a.checksums());
        b.checksums().stream().filter(c -> !all.contains(c)).forEach(all::add);
        return new Source.HttpSource(a.url(), a.path(), a.size() != null ? a.size() : b.size(), all, a.auth());
    }
}
