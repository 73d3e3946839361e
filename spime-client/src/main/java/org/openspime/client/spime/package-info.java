/**
 * Application code's entry point: {@link org.openspime.client.spime.Spime} ties one SpimeID's connection, key pair,
 * certification client, {@link org.openspime.client.reporting.Reporter} and {@link org.openspime.client.talk.TalkManager}
 * together; {@link org.openspime.client.spime.SpimeKeys} generates and loads the key pair kept in a PKCS#12 store.
 */
package org.openspime.client.spime;
