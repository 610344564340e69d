package org.medfetch.workflow;

import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;
import org.medfetch.resolve.LinkClass;
import org.medfetch.resolve.Resolver;
import org.medfetch.resolve.Resolvers;
import org.medfetch.resolve.mirrors.MirrorSources;
import org.medfetch.store.FileRecord;
import org.medfetch.store.Job;
import org.medfetch.store.JobState;

/**
 * What fetching a dataset needs, decided offline from the source add will really use (a usable mirror
 * first, else the catalog link): {@code open} (no account), {@code account:HOST} (every request to that host
 * needs credentials), {@code manual} (a person must act) or {@code unavailable} (no link leads to the data).
 */
public final class Access {

    public static final String OPEN = "open";
    public static final String MANUAL = "manual";
    public static final String UNAVAILABLE = "unavailable";
    private static final String ACCOUNT = "account:";

    private Access() {
    }

    /** The access of what add would use for this entry. */
    static String of(CatalogEntry entry, Classification link, MirrorSources.Candidate mirror, Resolvers resolvers) {
        if (mirror != null) {
            if (mirror.linkClass() == LinkClass.API) {
                return Resolvers.parse(mirror.link()).flatMap(resolvers::owner).map(Access::ofHost).orElse(OPEN);
            }
            return mirror.linkClass() == LinkClass.MANUAL ? MANUAL : OPEN;
        }
        if (link.linkClass() == LinkClass.UNAVAILABLE) {
            return UNAVAILABLE;
        }
        String host = link.resolver() == null ? null : resolvers.byName(link.resolver())
                .filter(r -> r.host().account()).map(Resolver::name).orElse(null);
        if (host != null) {
            return ACCOUNT + host;
        }
        return link.linkClass() == LinkClass.MANUAL ? MANUAL : OPEN;
    }

    /**
     * A queued dataset's access, from its files as queued (status builds no resolvers): files whose requests
     * carry a host's credentials make it account:HOST.
     */
    static String of(Job job, java.util.List<FileRecord> files) {
        if (job.state() == JobState.MANUAL) {
            return MANUAL;
        }
        return files.stream().map(FileRecord::auth).filter(java.util.Objects::nonNull).findFirst()
                .map(auth -> ACCOUNT + auth).orElse(OPEN);
    }

    /** Whether {@code access} is one of the values above, or account:HOST for any host. */
    public static boolean valid(String access) {
        return access.equals(OPEN) || access.equals(MANUAL) || access.equals(UNAVAILABLE)
                || access.startsWith(ACCOUNT) && access.length() > ACCOUNT.length() || access.equals("account");
    }

    /** Whether an entry's access matches a filter: a value above, or "account" for any account:HOST. */
    public static boolean matches(String access, String filter) {
        return access.equalsIgnoreCase(filter) || filter.equalsIgnoreCase("account") && access.startsWith(ACCOUNT);
    }

    private static String ofHost(Resolver r) {
        return r.host().account() ? ACCOUNT + r.name() : OPEN;
    }
}
