package org.medfetch.store;

import java.time.Instant;
import java.util.List;

/**
 * One dataset queued in the workspace, shared by every project that asked for it.
 *
 * @param target       what the user named (catalog id or URL)
 * @param link         the catalog link (or the URL itself)
 * @param source       "catalog", "mirror" or "url": which source the files come from
 * @param sourceLink   the link or mirror actually used
 * @param instructions JSON {summary, steps} for a person, or null
 * @param options      JSON object of per-job options (file selection, torrent settings), or null
 * @param metadata     JSON object of what the host said about the dataset (DOI, license, citation), or null
 */
public record Job(
        long id,
        String datasetId,
        String name,
        String target,
        String link,
        String resolver,
        String linkClass,
        String source,
        String sourceLink,
        JobState state,
        String instructions,
        String options,
        String metadata,
        List<String> projects,
        Instant createdAt,
        Instant updatedAt) {

    public Job {
        projects = List.copyOf(projects);
    }
}
