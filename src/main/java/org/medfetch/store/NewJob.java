package org.medfetch.store;

/** What {@link Store#addJob} needs to queue a dataset; the fields mean what they mean in {@link Job}. */
public record NewJob(
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
        String metadata) {
}
