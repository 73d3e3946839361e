package org.openspime.gate.federation.inbound;

import java.util.concurrent.CompletableFuture;
import org.openspime.gate.federation.dialback.DialbackOutcome;

/** Asks an originating domain's authoritative server about a key (the receiving side's {@code db:verify}). */
public interface DialbackChecker {
    /** {@code receiving} is the local domain the key was sent to; the check is made on its behalf. */
    CompletableFuture<DialbackOutcome> check(String receiving, String originatingDomain, String streamId, String key);
}
