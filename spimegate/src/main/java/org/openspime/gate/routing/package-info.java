/**
 * How stanzas move inside the gate: {@link org.openspime.gate.routing.LocalRelay} delivers to local sessions
 * in the sender's thread (so one sender's stanzas stay in order) and bounces what cannot be delivered;
 * {@link org.openspime.gate.routing.DirectIqDictionary} routes IQs between entities without the roster
 * subscription stock Vysper demands.
 */
package org.openspime.gate.routing;
