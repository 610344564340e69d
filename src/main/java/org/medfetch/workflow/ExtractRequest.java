package org.medfetch.workflow;

import org.medfetch.extract.ExtractLimits;

/**
 * How to unpack finished archives.
 *
 * @param removeArchive delete each archive after a complete extraction (its record and checksum stay)
 * @param hash          record each extracted file's SHA-256, so verify can check the unpacked tree
 */
public record ExtractRequest(boolean removeArchive, boolean hash, ExtractLimits limits) {

    public static final ExtractRequest DEFAULTS = new ExtractRequest(false, false, ExtractLimits.DEFAULTS);
}
