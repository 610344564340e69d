package org.medfetch.catalog;

/** A catalog that cannot be read at all (missing, unreadable, binary, not UTF-8). */
public final class CatalogException extends Exception {

    public CatalogException(String message) {
        super(message);
    }

    public CatalogException(String message, Throwable cause) {
        super(message, cause);
    }
}
