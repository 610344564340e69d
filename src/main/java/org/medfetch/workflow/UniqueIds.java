package org.medfetch.workflow;

import java.util.Optional;
import org.medfetch.catalog.DatasetIds;
import org.medfetch.store.Job;

/**
 * Dataset ids for targets that are not catalog datasets (URLs, magnets, .torrent files): a name taken
 * from the target, at most {@link DatasetIds#MAX_ID} characters, made unique in the workspace.
 */
final class UniqueIds {

    private final Workspace workspace;

    UniqueIds(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * The id itself, or with -2, -3 ... when a catalog dataset or another target already uses it (the
     * same target added again keeps its id).
     */
    String pick(String base, String target) {
        String clean = base == null || base.isBlank() ? "download" : base;
        String id = DatasetIds.bounded(clean);
        for (int n = 2; taken(id, target); n++) {
            id = DatasetIds.bounded(clean + "-" + n);
        }
        return id;
    }

    private boolean taken(String id, String target) {
        Optional<Job> existing = workspace.store().jobByDataset(id);
        if (existing.isPresent()) {
            return !existing.get().target().equals(target);
        }
        return workspace.catalog().entries().stream().anyMatch(e -> e.id().equals(id));
    }
}
