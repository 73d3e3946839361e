/**
 * Identities the gate issues — SpimeIDs, SNIDs and ServIDs — as the console sees them.
 *
 * <p>{@link org.openspime.web.identity.IdentityAdministration} is what the gate implements over its
 * registry; {@link org.openspime.web.identity.IdentityService} is the one code path the pages, the JSON API
 * and the bulk import share, so that validation and the audit trail cannot differ between them.
 */
package org.openspime.web.identity;
