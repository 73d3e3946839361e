package org.openspime.gate.federation.inbound;

import java.util.concurrent.CompletableFuture;
import org.openspime.gate.federation.dialback.DialbackOutcome;

/** Asks an originating domain's authoritative server about a key (the receiving side's {@code db:verify}). */
public interface DialbackChecker {
    CompletableFuture<DialbackOutcome> check(String originatingDomain, String streamId, String key);
}
