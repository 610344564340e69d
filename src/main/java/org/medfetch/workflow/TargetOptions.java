package org.medfetch.workflow;

/**
 * What an input file says under one target, the way aria2c reads its input files: an indented
 * {@code checksum=}, {@code dataset=} or {@code out=} line. Any field may be null.
 *
 * @param checksum ALGO:HEX the target's single file must match (aria2c's TYPE=DIGEST is read too)
 * @param dataset  the dataset id (folder under downloads/) for a URL or torrent; several URLs may share one
 * @param out      the file name of a URL's single file inside its dataset folder
 */
public record TargetOptions(String checksum, String dataset, String out) {

    public static final TargetOptions NONE = new TargetOptions(null, null, null);
}
