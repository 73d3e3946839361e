/**
 * Federation (server-to-server, RFC 6120 with XEP-0220 dialback): gates exchange stanzas with other XMPP
 * domains over TLS streams whose peer certificates are verified against pinned fingerprints or configured CAs.
 * Subpackages: {@code stream} (wire), {@code trust}, {@code dialback}, {@code peer} (discovery),
 * {@code inbound} (receiving side), {@code outbound} (links and connector).
 */
package org.openspime.gate.federation;
