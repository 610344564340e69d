package org.medfetch.workflow;

import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.mirrors.DatasetNotes;
import org.medfetch.resolve.mirrors.MirrorSources;

/**
 * A catalog entry with the offline verdict on its link, its mirrors and the notes known about it.
 *
 * @param host    the link's host (or scheme for magnets), or null without a link
 * @param mirrors  candidate sources from the mirror registry, usable ones first
 * @param access   what fetching it needs, from the source add will use (see {@link Access})
 * @param modality the imaging modality its section (or name) says, in English, or null
 */
public record ClassifiedEntry(CatalogEntry entry, Classification classification, String host,
                              List<MirrorSources.Candidate> mirrors, List<DatasetNotes.Note> notes, String access,
                              String modality) {

    public ClassifiedEntry {
        mirrors = List.copyOf(mirrors);
        notes = List.copyOf(notes);
    }

    /** True when a verified open mirror exists, which add uses instead of the catalog link. */
    public boolean mirrored() {
        return mirrors.stream().anyMatch(MirrorSources.Candidate::usable);
    }

    /** The class of what add would use: the first usable mirror's, else the catalog link's. */
    public LinkClass effectiveClass() {
        return mirrors.stream().filter(MirrorSources.Candidate::usable).findFirst()
                .map(MirrorSources.Candidate::linkClass).orElse(classification.linkClass());
    }
}
