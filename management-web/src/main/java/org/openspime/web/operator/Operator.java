package org.openspime.web.operator;

import java.time.Instant;

/**
 * A person who may sign in to the console.
 *
 * @param passwordHash self-describing PBKDF2 hash from {@link PasswordHashing}; never the password
 */
public record Operator(String name, String passwordHash, Instant created, boolean disabled) {
}
