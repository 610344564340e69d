package org.medfetch.workflow;

import org.medfetch.catalog.CatalogEntry;
import org.medfetch.resolve.Classification;

/**
 * A catalog entry with the offline verdict on its link.
 *
 * @param host the link's host (or scheme for magnets), or null without a link
 */
public record ClassifiedEntry(CatalogEntry entry, Classification classification, String host) {
}
