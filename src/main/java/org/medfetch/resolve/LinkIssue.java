package org.medfetch.resolve;

import org.medfetch.catalog.CatalogProblem;

/** Something suspicious about a link that a resolver noticed while classifying it. */
public record LinkIssue(CatalogProblem.Kind kind, String message, String suggestion) {
}
