/**
 * Which certificates prove a peer domain: pinned SHA-256 fingerprints per domain and configured CA
 * certificates, checked on every outbound s2s connection (the receiving side learns an initiator's identity by
 * dialback, which itself runs over a verified outbound connection).
 */
package org.openspime.gate.federation.trust;
