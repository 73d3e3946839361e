package org.openspime.gate.stream;

/** The peer closed its stream with {@code </stream:stream>}; RFC 6120 4.4 wants ours closed in answer. */
public enum StreamClosed {
    INSTANCE
}
