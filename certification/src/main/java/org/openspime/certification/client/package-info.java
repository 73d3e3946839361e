/**
 * The entity side of certification: fetch another entity's keys (through a {@link
 * org.openspime.certification.client.KeyFetcher} the XMPP layer provides), verify them against the
 * configured trust anchors, and cache the verdict so that checking a signature does not cost a round
 * trip and an RSA operation each time.
 */
package org.openspime.certification.client;
