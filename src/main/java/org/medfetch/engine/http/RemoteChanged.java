package org.medfetch.engine.http;

/**
 * The remote file is not the one the bytes on disk came from (or the server stopped honouring ranges):
 * the download must start over from zero rather than splice two versions together.
 */
final class RemoteChanged extends Exception {

    RemoteChanged(String why) {
        super(why);
    }
}
