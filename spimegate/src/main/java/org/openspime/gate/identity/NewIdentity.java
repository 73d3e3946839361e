package org.openspime.gate.identity;

/**
 * What {@link IdentityRegistry#create} returns.
 *
 * @param identity          the registered OSID
 * @param generatedPassword the password generated for a new account, to be shown once and never again; null when
 *                          the caller supplied the password or the OSID joined an account that already had one
 */
public record NewIdentity(Identity identity, String generatedPassword) {
}
