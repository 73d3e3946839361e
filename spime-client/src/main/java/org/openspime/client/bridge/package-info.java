/**
 * Bridges: one process standing in for many spimes that cannot speak XMPP themselves (radio, Bluetooth, MQTT
 * devices). Each relayed spime keeps its own identity end to end — its own OSID under the gateway's account
 * ({@code gateway@net.example/spime12}), its own key pair (one PKCS#12 store, one alias per resource), its own
 * connection, sealer and outbox directory — so a ScopeNode authorizes and verifies it as that spime, not as the bridge.
 */
package org.openspime.client.bridge;
