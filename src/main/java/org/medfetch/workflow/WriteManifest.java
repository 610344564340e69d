package org.medfetch.workflow;

import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medfetch.catalog.Catalog;
import org.medfetch.catalog.CatalogLoader;
import org.medfetch.engine.SafePath;
import org.medfetch.manifest.InstructionsWriter;
import org.medfetch.manifest.Manifest;
import org.medfetch.manifest.ManifestWriter;
import org.medfetch.store.Job;

/**
 * The manifest use case: writes {@code manifests/<project>.json} (what the project uses, exactly) and
 * {@code manifests/<project>.md} (the same for people, with the manual steps left).
 */
public final class WriteManifest {

    /** @param warnings what a reader of the manifest should know (unfinished files, secrets removed) */
    public record Result(Path json, Path markdown, Manifest manifest, List<String> warnings) {
    }

    private final Workspace workspace;
    private final String medfetchVersion;

    public WriteManifest(Workspace workspace, String medfetchVersion) {
        this.workspace = workspace;
        this.medfetchVersion = medfetchVersion;
    }

    /** @param out where the JSON goes, or null for manifests/&lt;project&gt;.json in the workspace */
    public Result write(String project, Path out) {
        if (!workspace.hasQueue()) {
            throw new UsageException("nothing is queued in " + workspace.root() + "; add some first: medfetch add DATASET "
                    + "--project " + project);
        }
        List<Job> jobs = workspace.store().jobs(project);
        if (jobs.isEmpty()) {
            List<String> projects = workspace.store().projects();
            throw new UsageException("project '" + project + "' has no datasets queued"
                    + (projects.isEmpty() ? "; add some first: medfetch add DATASET --project " + project
                    : " (projects: " + String.join(", ", projects) + ")"));
        }
        ShareableLinks links = new ShareableLinks(workspace.root());
        ManifestEntries entries = new ManifestEntries(workspace.store(), workspace.catalog(), links);
        List<Manifest.Dataset> datasets = jobs.stream().sorted(Comparator.comparing(Job::datasetId))
                .map(entries::dataset).toList();
        Manifest manifest = new Manifest(Manifest.FORMAT, project, workspace.clock().instant().truncatedTo(ChronoUnit.SECONDS),
                medfetchVersion, catalog(workspace.catalog(), links), datasets);
        Path json = out != null ? out.toAbsolutePath().normalize()
                : workspace.root().resolve("manifests").resolve(fileName(project) + ".json");
        String name = json.getFileName().toString();
        Path markdown = json.resolveSibling((name.endsWith(".json") ? name.substring(0, name.length() - 5) : name) + ".md");
        ManifestFile.write(json, new ManifestWriter().write(manifest));
        ManifestFile.write(markdown, new InstructionsWriter().write(manifest, links.localPath(json.toString())));
        List<String> warnings = new ArrayList<>();
        if (!entries.unfinished().isEmpty()) {
            warnings.add(entries.unfinished().size() + " file(s) are not done, so the manifest records no SHA-256 for them "
                    + "(first: " + entries.unfinished().get(0) + "); run 'medfetch run' and write the manifest again");
        }
        if (!links.removed().isEmpty()) {
            warnings.add("removed secrets from the links in the manifest (" + String.join(", ", links.removed())
                    + "); 'medfetch sync' cannot fetch those files without them");
        }
        return new Result(json, markdown, manifest, warnings);
    }

    /** The project as a file name under manifests/; a name that would climb out or be mangled needs --out. */
    private static String fileName(String project) {
        String safe = SafePath.fileName(project);
        if (safe == null || !safe.equals(project)) {
            throw new UsageException("project '" + project + "' cannot name a file in manifests/; give --out FILE");
        }
        return safe;
    }

    private static Manifest.CatalogRef catalog(Catalog catalog, ShareableLinks links) {
        String origin = CatalogLoader.BUNDLED.equals(catalog.origin()) ? CatalogLoader.BUNDLED
                : links.localPath(Path.of(catalog.origin()).toAbsolutePath().normalize().toString());
        return new Manifest.CatalogRef(origin, catalog.sha256());
    }
}
