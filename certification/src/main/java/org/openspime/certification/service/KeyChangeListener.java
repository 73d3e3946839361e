package org.openspime.certification.service;

/**
 * Told after every committed key change. Called on the publishing or revoking thread, after the store
 * was updated and outside the service's lock; it should hand off (queue stanzas) rather than block.
 */
@FunctionalInterface
public interface KeyChangeListener {

    void keyChanged(KeyChange change);
}
