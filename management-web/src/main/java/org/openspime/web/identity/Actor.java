package org.openspime.web.identity;

/**
 * Who is acting and from where, carried into every service call so the audit trail is written in one
 * place rather than by each page.
 *
 * @param operator the signed-in operator (or the owner of the API token)
 * @param from     the client's remote address
 * @param via      {@code console} or {@code api}
 */
public record Actor(String operator, String from, String via) {
}
