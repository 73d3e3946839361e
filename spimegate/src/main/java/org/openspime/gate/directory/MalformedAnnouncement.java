package org.openspime.gate.directory;

/** A directory request that breaks the element rules; answered with {@code bad-request} and this message. */
final class MalformedAnnouncement extends Exception {

    MalformedAnnouncement(String message) {
        super(message);
    }
}
