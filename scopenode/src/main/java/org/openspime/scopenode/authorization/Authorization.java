package org.openspime.scopenode.authorization;

import java.time.Instant;

/** One entry of the authorization list, as the scope owner sees it. */
public record Authorization(String pattern, Instant authorizedAt, String authorizedBy) {
}
