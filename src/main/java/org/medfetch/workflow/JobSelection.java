package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.medfetch.store.Job;

/**
 * The queued datasets a command names: some by name, the datasets of one project, or all of them. Every
 * name is checked before anything changes, so a typo in the third name leaves the first two alone.
 *
 * @param datasets dataset ids or catalog names; empty when the project or all are meant
 * @param project  every dataset of this project, or null
 * @param all      every dataset of the queue
 */
public record JobSelection(List<String> datasets, String project, boolean all) {

    public JobSelection {
        datasets = List.copyOf(datasets);
    }

    public static JobSelection of(List<String> datasets) {
        return new JobSelection(datasets, null, false);
    }

    /** True when nothing narrows the selection: run without arguments works the whole queue. */
    public boolean everything() {
        return datasets.isEmpty() && project == null;
    }

    /**
     * The jobs selected, oldest first for a project or all, in the order named otherwise.
     *
     * @param required whether nothing selected is a usage error (pause, cancel: name what to change)
     */
    public List<Job> jobs(Workspace workspace, boolean required) {
        int ways = (datasets.isEmpty() ? 0 : 1) + (project == null ? 0 : 1) + (all ? 1 : 0);
        if (ways > 1) {
            throw new UsageException("give datasets, --project or --all, not several of them");
        }
        if (ways == 0 && required) {
            throw new UsageException("name the datasets, or give --project P or --all");
        }
        if (!workspace.hasQueue()) {
            if (datasets.isEmpty() && project == null) {
                return List.of();
            }
            throw new UsageException("nothing is queued in " + workspace.root() + " yet; add datasets first: medfetch add "
                    + (datasets.isEmpty() ? "DATASET" : datasets.get(0)));
        }
        if (project != null) {
            List<Job> jobs = workspace.store().jobs(project);
            if (jobs.isEmpty()) {
                throw new UsageException("project '" + project + "' has no datasets queued; projects: "
                        + String.join(", ", workspace.store().projects()));
            }
            return jobs;
        }
        if (datasets.isEmpty()) {
            return workspace.store().jobs(null);
        }
        Map<Long, Job> named = new LinkedHashMap<>();
        for (String dataset : datasets) {
            Job job = workspace.job(dataset);
            named.putIfAbsent(job.id(), job);
        }
        return new ArrayList<>(named.values());
    }
}
