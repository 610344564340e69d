package org.medfetch.manifest;

/** A manifest that cannot be read: not JSON, or not what medfetch writes. The message names the spot. */
public final class ManifestException extends Exception {

    public ManifestException(String message) {
        super(message);
    }
}
