package org.medfetch.resolve.hosts.buckets;

import java.util.List;

/**
 * A bucket and a key or prefix in it, as a link names them. A prefix ending in '/' (or none) is a
 * folder; anything else may be one object or a folder written without its slash, which only a listing
 * tells apart.
 *
 * @param region the region the link names (S3's regional host names), or null
 */
record BucketPath(String bucket, String key, String region) {

    /** Whether the link names a folder for certain. */
    boolean folder() {
        return key.isEmpty() || key.endsWith("/");
    }

    /** The prefix to list for a folder: the key with its trailing slash. */
    String folderPrefix() {
        return folder() ? key : key + "/";
    }

    /**
     * Where an object listed under this path goes inside the dataset folder: its key below the folder
     * that holds the linked key ("a/b/" keeps "c/d.nii" of "a/b/c/d.nii"; the object "a/b.nii" is "b.nii").
     */
    String relative(String objectKey) {
        String parent = folder() ? key : key.substring(0, key.lastIndexOf('/') + 1);
        return objectKey.startsWith(parent) ? objectKey.substring(parent.length()) : objectKey;
    }

    /** The key's path segments, for building object URLs segment by segment. */
    static List<String> segments(String key) {
        return List.of(key.split("/", -1));
    }

    String display(String scheme) {
        return scheme + "://" + bucket + "/" + key;
    }
}
