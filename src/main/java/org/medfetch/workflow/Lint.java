package org.medfetch.workflow;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.medfetch.catalog.CatalogEntry;
import org.medfetch.catalog.CatalogProblem;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkIssue;

/**
 * Every problem of the catalog: what the parser found in its structure plus what the resolvers found
 * in its links. A missing link is reported once, by the parser.
 */
public final class Lint {

    private final Workspace workspace;

    public Lint(Workspace workspace) {
        this.workspace = workspace;
    }

    public List<CatalogProblem> problems() {
        List<CatalogProblem> all = new ArrayList<>(workspace.catalog().problems());
        for (CatalogEntry entry : workspace.catalog().entries()) {
            if (!entry.hasLink()) {
                continue;
            }
            Classification verdict = workspace.resolvers().classify(entry);
            for (LinkIssue issue : verdict.issues()) {
                all.add(new CatalogProblem(entry.line(), entry.id(), issue.kind(), issue.message(), issue.suggestion(),
                        false));
            }
        }
        all.sort(Comparator.comparingInt(CatalogProblem::line));
        return all;
    }
}
