package org.openspime.web.identity;

import java.util.Optional;

/**
 * What creating an identity (or resetting its password) returns: the generated password travels here and
 * nowhere else, because the gate keeps only its salted hash — it is shown to the operator once.
 */
public record IssuedIdentity(IdentityView identity, Optional<String> password) {
}
