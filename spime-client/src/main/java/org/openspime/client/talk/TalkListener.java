package org.openspime.client.talk;

/** Told of each verified talk message; called on Smack's listener threads, so it must not block for long. */
@FunctionalInterface
public interface TalkListener {

    void received(TalkMessage message);
}
