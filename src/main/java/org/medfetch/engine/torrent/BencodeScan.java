package org.medfetch.engine.torrent;

/**
 * Walks bencoded bytes without recursion before bt parses them. bt 1.10's parser recurses once per
 * nesting level, so a small file of nested lists ends in a StackOverflowError; and a string may claim
 * more bytes than the file holds. This refuses both, and anything that is not bencode at all, with the
 * reason.
 */
final class BencodeScan {

    /**
     * Metainfo nests five levels (root, info, files, a file, its path); BEP 52's file trees add one per
     * folder. Far more than any real torrent, far less than bt's parser can take.
     */
    static final int MAX_DEPTH = 64;

    /** A long has at most 19 digits. */
    private static final int MAX_INTEGER_DIGITS = 19;

    private BencodeScan() {
    }

    /** @throws IllegalArgumentException saying what is wrong, and where */
    static void check(byte[] bytes) {
        int depth = 0;
        int i = 0;
        do {
            if (i >= bytes.length) {
                throw new IllegalArgumentException(i == 0 ? "it is empty" : "it ends in the middle of a value");
            }
            byte c = bytes[i];
            if (c == 'd' || c == 'l') {
                if (++depth > MAX_DEPTH) {
                    throw new IllegalArgumentException("it nests values more than " + MAX_DEPTH + " levels deep");
                }
                i++;
            } else if (c == 'e' && depth > 0) {
                depth--;
                i++;
            } else if (c == 'i') {
                i = integerEnd(bytes, i + 1);
            } else if (c >= '0' && c <= '9') {
                i = stringEnd(bytes, i);
            } else {
                throw new IllegalArgumentException("byte " + i + " starts no bencoded value");
            }
        } while (depth > 0);
    }

    /** The index after an integer's closing 'e'; its digits start at {@code start}. */
    private static int integerEnd(byte[] bytes, int start) {
        int i = start;
        if (i < bytes.length && bytes[i] == '-') {
            i++;
        }
        int digits = i;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9') {
            i++;
        }
        int count = i - digits;
        if (i >= bytes.length || bytes[i] != 'e' || count == 0 || count > MAX_INTEGER_DIGITS
                || count > 1 && bytes[digits] == '0' || digits > start && bytes[digits] == '0') {
            throw new IllegalArgumentException("the integer at byte " + (start - 1) + " is malformed or too large");
        }
        return i + 1;
    }

    /** The index after a string's bytes; its length prefix starts at {@code start}. */
    private static int stringEnd(byte[] bytes, int start) {
        long length = 0;
        int i = start;
        while (i < bytes.length && bytes[i] >= '0' && bytes[i] <= '9' && i - start < MAX_INTEGER_DIGITS) {
            length = length * 10 + (bytes[i] - '0');
            i++;
        }
        if (i >= bytes.length || bytes[i] != ':') {
            throw new IllegalArgumentException("the string length at byte " + start + " is malformed");
        }
        if (length > bytes.length - (i + 1L)) {
            throw new IllegalArgumentException("the string at byte " + start + " claims " + length
                    + " bytes, more than the file holds");
        }
        return (int) (i + 1 + length);
    }
}
