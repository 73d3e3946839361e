package org.openspime.client.talk;

import java.util.Objects;
import java.util.Optional;
import org.openspime.certification.Jid;

/** A recipient's refusal of a talk message this entity sent: the message id, who refused, the condition and text. */
public record TalkRefusal(String id, Jid refusedBy, TalkCondition condition, Optional<String> text) {

    public TalkRefusal {
        Objects.requireNonNull(refusedBy, "refusedBy");
        Objects.requireNonNull(condition, "condition");
        Objects.requireNonNull(text, "text");
    }
}
