package org.openspime.web.operator;

import java.time.Instant;

/**
 * A bearer token an operator created for scripts. Only the SHA-256 of the token is kept: a token is 256
 * random bits, so a fast hash is enough to make a database dump useless, unlike operator passwords.
 *
 * @param id        short public handle to list and revoke it by
 * @param tokenHash hex SHA-256 of the secret token
 */
public record ApiToken(String id, String operator, String label, String tokenHash, Instant created) {
}
