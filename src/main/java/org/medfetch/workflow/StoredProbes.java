package org.medfetch.workflow;

import java.net.URI;
import java.nio.file.Files;
import java.util.Optional;
import org.medfetch.resolve.web.LinkKind;
import org.medfetch.resolve.web.ProbeCache;

/**
 * The probe cache kept in the workspace's state database. Reading never creates the database, so
 * listings stay read-only in a folder where nothing was queued yet.
 */
final class StoredProbes implements ProbeCache {

    private final Workspace workspace;

    StoredProbes(Workspace workspace) {
        this.workspace = workspace;
    }

    @Override
    public Optional<LinkKind> get(URI link) {
        if (!workspace.hasQueue()) {
            return Optional.empty();
        }
        return workspace.store().linkKind(link.toString()).map(LinkKind::ofLabel);
    }

    @Override
    public void put(URI link, LinkKind kind) {
        if (!Files.isDirectory(workspace.root())) {
            return; // a listing never creates the workspace it was pointed at
        }
        workspace.store().saveLinkKind(link.toString(), kind.label());
    }
}
