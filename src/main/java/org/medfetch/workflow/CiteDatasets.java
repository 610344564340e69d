package org.medfetch.workflow;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.resolve.DatasetInfo;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.store.Job;

/**
 * The cite and licenses use cases: one reference per dataset, from the DOI metadata a host gave when
 * the dataset was added, else the reference paper the notes registry knows, else its name and link;
 * each with its license or terms of use.
 */
public final class CiteDatasets {

    private static final Map<DatasetNotes.PaperType, Reference.Kind> KINDS = Map.of(
            DatasetNotes.PaperType.ARTICLE, Reference.Kind.ARTICLE,
            DatasetNotes.PaperType.INPROCEEDINGS, Reference.Kind.CONFERENCE_PAPER,
            DatasetNotes.PaperType.PREPRINT, Reference.Kind.PREPRINT);
    private static final Pattern DOI_LINK = Pattern.compile("(?i)https?://(?:dx\\.)?doi\\.org/(10\\.[^/?#\\s]+/[^?#\\s]+)");
    private static final Pattern NON_COMMERCIAL = Pattern.compile(
            "(?i)(\\bNC\\b|-NC-|non-?commercial|academic (research|use)|research (use )?only|not for commercial)");

    private final Workspace workspace;

    public CiteDatasets(Workspace workspace) {
        this.workspace = workspace;
    }

    /** @param datasets queued or catalog datasets; when empty, every dataset of the project */
    public List<Reference> references(List<String> datasets, String project) {
        List<Reference> out = new ArrayList<>();
        if (datasets.isEmpty()) {
            List<Job> jobs = workspace.hasQueue() ? workspace.store().jobs(project) : List.of();
            if (jobs.isEmpty()) {
                throw new UsageException("project '" + project + "' has no datasets queued; name datasets to cite");
            }
            jobs.forEach(j -> out.add(reference(Optional.of(j), entry(j.datasetId()))));
            return out;
        }
        for (String query : datasets) {
            Optional<Job> job = workspace.hasQueue() ? workspace.store().jobByDataset(query.strip()) : Optional.empty();
            CatalogEntry entry = job.isPresent() ? entry(job.get().datasetId()).orElse(null) : workspace.dataset(query);
            if (job.isEmpty() && workspace.hasQueue()) {
                job = workspace.store().jobByDataset(entry.id());
            }
            out.add(reference(job, Optional.ofNullable(entry)));
        }
        return out;
    }

    /**
     * A project's datasets grouped by license, unknown last.
     *
     * @param nonCommercial the terms forbid commercial use (NC licenses, "academic"/"research use only")
     */
    public record LicenseGroup(String license, List<String> datasets, boolean nonCommercial) {
        public boolean unknown() {
            return license == null;
        }
    }

    public List<LicenseGroup> licenses(String project) {
        Map<String, List<String>> byLicense = new TreeMap<>(Comparator.nullsLast(Comparator.naturalOrder()));
        for (Reference r : references(List.of(), project)) {
            byLicense.computeIfAbsent(r.license(), l -> new ArrayList<>()).add(r.key());
        }
        List<LicenseGroup> groups = new ArrayList<>();
        byLicense.forEach((license, ids) -> groups.add(new LicenseGroup(license, ids,
                license != null && NON_COMMERCIAL.matcher(license).find())));
        return groups;
    }

    private Optional<CatalogEntry> entry(String id) {
        return workspace.catalog().entries().stream().filter(e -> e.id().equals(id)).findFirst();
    }

    private Reference reference(Optional<Job> job, Optional<CatalogEntry> entry) {
        DatasetInfo info = job.map(j -> JobJson.info(j.metadata())).orElse(DatasetInfo.NONE);
        String key = job.map(Job::datasetId).orElseGet(() -> entry.orElseThrow().id());
        String name = job.map(Job::name).orElseGet(() -> entry.orElseThrow().name());
        String license = info.license();
        boolean fromCatalog = entry.isPresent() && !job.map(j -> "url".equals(j.source())).orElse(false);
        if (license == null && fromCatalog && CatalogLoader.BUNDLED.equals(workspace.catalog().origin())) {
            license = ManifestEntries.BUNDLED_TERMS;
        }
        if (info.doi() != null) {
            return new Reference(key, Reference.Kind.DATASET, info.title() != null ? info.title() : name, info.authors(),
                    info.year(), null, null, null, null, info.publisher(), info.version(), info.doi(),
                    info.landingPage() != null ? info.landingPage() : "https://doi.org/" + info.doi(), license,
                    "the DOI record " + job.map(Job::resolver).orElse("a host") + " gave when it was added");
        }
        Optional<DatasetNotes.Paper> paper = entry.flatMap(e -> workspace.notes().paper(e.name()));
        if (paper.isPresent()) {
            DatasetNotes.Paper p = paper.get();
            return new Reference(key, KINDS.get(p.type()), p.title(), p.authors(), p.year(), p.container(), p.volume(),
                    p.issue(), p.pages(), null, null, p.doi(), "https://doi.org/" + p.doi(), license,
                    "the reference paper of " + p.dataset() + " (source: " + p.source() + ")");
        }
        String url = info.landingPage() != null ? info.landingPage()
                : job.map(Job::link).orElseGet(() -> entry.map(CatalogEntry::link).orElse(null));
        return new Reference(key, Reference.Kind.UNKNOWN, name, List.of(), null, null, null, null, null, null, null,
                doiOf(url), url, license, "citation unknown: no DOI metadata was recorded and the registry knows no "
                + "paper; check the dataset's page for how to cite it");
    }

    /** The DOI a doi.org link names ("https://doi.org/10.5281/zenodo.7105232"), or null. */
    static String doiOf(String link) {
        Matcher m = link == null ? null : DOI_LINK.matcher(link.strip());
        return m != null && m.matches() ? URLDecoder.decode(m.group(1), StandardCharsets.UTF_8)
                : null;
    }

}
