package org.medfetch.store;

import java.util.Optional;

/** The extraction part of the state: a job's --extract settings and each archive's extraction. */
public interface ExtractionStore {

    /** The job's extraction settings as JSON, or empty when it is not to be unpacked. */
    Optional<String> settings(long jobId);

    void setSettings(long jobId, String json);

    Optional<Extraction> of(long fileId);

    /** Records an extraction, replacing any earlier one of the same archive. */
    void save(long fileId, Extraction extraction);

    void forget(long fileId);

    /** Notes that the archive was deleted after a complete extraction. */
    void archiveRemoved(long fileId);

    /** Whether a finished file is absent on purpose: unpacked, then deleted as asked. */
    default boolean removedAfterExtraction(long fileId) {
        return of(fileId).map(Extraction::archiveRemoved).orElse(false);
    }
}
