package org.medfetch.workflow;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.medfetch.extract.Extractor;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;

/**
 * The remove use case: drops datasets from the queue (stale jobs, dead links), or only from one project.
 * A dataset another medfetch process is downloading is refused before anything changes.
 */
public final class RemoveDatasets {

    /**
     * What happened to one dataset.
     *
     * @param removed   its record left the queue (false: it only left the project, others still use it)
     * @param remaining the projects it still belongs to
     * @param purged    its folder under downloads/ was deleted
     * @param folder    that folder, relative to the workspace
     */
    public record Removed(String datasetId, boolean removed, List<String> remaining, boolean purged, String folder) {
    }

    private final Workspace workspace;

    public RemoveDatasets(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param project only unlink the datasets from this project; a dataset left in no project leaves the queue
     * @param purge   also delete the data of every dataset that leaves the queue
     */
    public List<Removed> remove(List<Job> jobs, String project, boolean purge) {
        List<FileRecord> busy = new OtherProcesses(workspace).holding(jobs);
        if (!busy.isEmpty()) {
            throw new UsageException(busy.get(0).path() + " is being downloaded by another medfetch process; pause it "
                    + "first (medfetch pause DATASET) or wait for it, then remove");
        }
        for (Job job : jobs) {
            if (project != null && !job.projects().contains(project)) {
                throw new UsageException(job.datasetId() + " is not in project '" + project + "' (it is in "
                        + String.join(", ", job.projects()) + ")");
            }
        }
        List<Removed> out = new ArrayList<>();
        for (Job job : jobs) {
            List<String> remaining = project == null ? List.of() : workspace.store().unlinkProject(job.id(), project);
            boolean leaves = remaining.isEmpty();
            if (leaves) {
                workspace.store().deleteJob(job.id());
            }
            Path folder = workspace.datasetDir(job.datasetId());
            boolean purged = leaves && purge && delete(folder);
            out.add(new Removed(job.datasetId(), leaves, remaining, purged,
                    workspace.root().relativize(folder).toString().replace('\\', '/')));
        }
        return out;
    }

    /** Deletes a dataset's folder, following no symbolic link out of it; false when there was none. */
    private boolean delete(Path folder) {
        Path downloads = workspace.root().resolve("downloads").normalize();
        Path dir = folder.normalize();
        if (!dir.startsWith(downloads) || dir.equals(downloads) || !Files.isDirectory(dir)
                || Files.isSymbolicLink(dir)) {
            return false;
        }
        try {
            Extractor.remove(dir);
            return true;
        } catch (IOException e) {
            throw new UsageException("cannot delete " + dir + ": " + e.getMessage(), e);
        }
    }
}
