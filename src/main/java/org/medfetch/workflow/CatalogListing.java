package org.medfetch.workflow;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.Terms;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.MirrorSources;

/**
 * Lists catalog entries with their offline classification, filtered by section, class, access or text.
 * Sections and search understand English and Chinese through the bundled {@link Terms}.
 */
public final class CatalogListing {

    /**
     * What to keep; a null (or empty) filter keeps everything.
     *
     * @param sections  headings the entries sit under at any depth of their section path (any case, English or
     *                  Chinese names): an entry under any of them is kept
     * @param linkClass only entries of this class
     * @param search    words to find in id, name, section, task or part (with their synonyms), or in the link;
     *                  several words must all be found
     * @param access    open, manual, unavailable, account (any) or account:HOST
     */
    public record Filter(List<String> sections, LinkClass linkClass, String search, String access) {
        public Filter {
            sections = sections == null ? List.of() : List.copyOf(sections);
        }

        public static final Filter NONE = new Filter(List.of(), null, null, null);
    }

    private final Workspace workspace;
    private final Terms terms = Terms.bundled();

    public CatalogListing(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<ClassifiedEntry> list(String section, LinkClass linkClass, String search) {
        return list(new Filter(section == null ? List.of() : List.of(section), linkClass, search, null));
    }

    public List<ClassifiedEntry> list(Filter filter) {
        for (String section : filter.sections()) {
            if (workspace.catalog().entries().stream().noneMatch(e -> inSection(e, section))) {
                throw new UsageException("no section '" + section + "' in the catalog; sections: "
                        + String.join(", ", workspace.catalog().sections()));
            }
        }
        if (filter.access() != null && !Access.valid(filter.access())) {
            throw new UsageException("--access is open, account, account:HOST, manual or unavailable, not '"
                    + filter.access() + "'");
        }
        return workspace.catalog().entries().stream()
                .filter(e -> filter.sections().isEmpty() || filter.sections().stream().anyMatch(s -> inSection(e, s)))
                .filter(e -> filter.search() == null || mentions(e, filter.search()))
                .map(this::classify)
                .filter(c -> filter.linkClass() == null || c.classification().linkClass() == filter.linkClass())
                .filter(c -> filter.access() == null || Access.matches(c.access(), filter.access()))
                .toList();
    }

    public ClassifiedEntry classify(CatalogEntry entry) {
        Classification link = workspace.resolvers().classify(entry);
        List<MirrorSources.Candidate> mirrors = workspace.mirrors().candidates(entry);
        MirrorSources.Candidate used = mirrors.stream().filter(MirrorSources.Candidate::usable).findFirst().orElse(null);
        return new ClassifiedEntry(entry, link, host(entry), mirrors, workspace.notes().forDataset(entry.name()),
                Access.of(entry, link, used, workspace.resolvers()), terms.modality(entry));
    }

    /** Under a heading called {@code section} or any of its synonyms ("ultrasound" finds 超声). */
    private boolean inSection(CatalogEntry e, String section) {
        return terms.synonyms(section).stream().anyMatch(e::inSection) || e.inSection(section);
    }

    /**
     * Every word of the search in the entry's text fields, as typed (any part) or as a synonym (short ones as
     * whole words); or the whole text in its link.
     */
    private boolean mentions(CatalogEntry e, String search) {
        String text = search.strip().toLowerCase(Locale.ROOT);
        if (e.link() != null && e.link().toLowerCase(Locale.ROOT).contains(text)) {
            return true;
        }
        // A phrase the vocabulary knows ("computed tomography") is one word; other words must all be found.
        String[] words = terms.synonyms(text).size() > 1 ? new String[] {text} : text.split("\\s+");
        for (String word : words) {
            Set<String> synonyms = terms.synonyms(word);
            boolean found = Stream.of(e.id(), e.name(), e.section(), e.task(), e.part())
                    .anyMatch(field -> field != null && (field.toLowerCase(Locale.ROOT).contains(word)
                            || synonyms.stream().anyMatch(w -> Terms.mentions(field, w))));
            if (!found) {
                return false;
            }
        }
        return true;
    }

    private static String host(CatalogEntry entry) {
        if (!entry.hasLink()) {
            return null;
        }
        return Resolvers.parse(entry.link())
                .map(uri -> !Resolvers.host(uri).isEmpty() ? Resolvers.host(uri) : uri.getScheme())
                .map(h -> h.toLowerCase(Locale.ROOT))
                .orElse(null);
    }
}
