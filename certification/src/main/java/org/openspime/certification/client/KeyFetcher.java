package org.openspime.certification.client;

import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.element.KeyList;

/**
 * Fetches the published keys of a JID from its certification service; the Smack layer implements it
 * with an IQ get of {@code <pubkeys xmlns='urn:xmpp:pubkey:2' jid='…' subscribe='true'/>} parsed by
 * {@code codec.KeyListCodec}, mapping an item-not-found answer to
 * {@link org.openspime.certification.NoKeyPublishedException}.
 */
@FunctionalInterface
public interface KeyFetcher {

    KeyList fetch(Jid jid) throws CertificationException;
}
