package org.medfetch.workflow;

import java.util.List;
import java.util.Locale;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolvers;

/** Lists catalog entries with their offline classification, filtered by section, class or text. */
public final class CatalogListing {

    private final Workspace workspace;

    public CatalogListing(Workspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param section   a heading the entries sit under at any depth (any case), or null for all
     * @param linkClass only entries of this class, or null for all
     * @param search    text to find in id, name, task, part or link (any case), or null
     */
    public List<ClassifiedEntry> list(String section, LinkClass linkClass, String search) {
        if (section != null && workspace.catalog().entries().stream().noneMatch(e -> e.inSection(section))) {
            throw new UsageException("no section '" + section + "' in the catalog; sections: "
                    + String.join(", ", workspace.catalog().sections()));
        }
        return workspace.catalog().entries().stream()
                .filter(e -> section == null || e.inSection(section))
                .filter(e -> search == null || mentions(e, search.toLowerCase(Locale.ROOT)))
                .map(this::classify)
                .filter(c -> linkClass == null || c.classification().linkClass() == linkClass)
                .toList();
    }

    public ClassifiedEntry classify(CatalogEntry entry) {
        return new ClassifiedEntry(entry, workspace.resolvers().classify(entry), host(entry),
                workspace.mirrors().candidates(entry), workspace.notes().forDataset(entry.name()));
    }

    private static boolean mentions(CatalogEntry e, String text) {
        return java.util.stream.Stream.of(e.id(), e.name(), e.task(), e.part(), e.link())
                .anyMatch(field -> field != null && field.toLowerCase(Locale.ROOT).contains(text));
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
