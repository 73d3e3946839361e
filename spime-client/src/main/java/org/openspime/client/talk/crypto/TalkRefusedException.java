package org.openspime.client.talk.crypto;

import java.util.Objects;
import org.openspime.client.talk.TalkCondition;

/** Why a received talk message is not delivered; the recipient answers the sender with its condition. */
public final class TalkRefusedException extends Exception {

    private final TalkCondition condition;

    public TalkRefusedException(TalkCondition condition, String message) {
        super(message);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public TalkRefusedException(TalkCondition condition, String message, Throwable cause) {
        super(message, cause);
        this.condition = Objects.requireNonNull(condition, "condition");
    }

    public TalkCondition condition() {
        return condition;
    }
}
