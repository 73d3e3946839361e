/** Inbound s2s: the listener and the receiving side of streams (STARTTLS, dialback, checked stanzas). */
package org.openspime.gate.federation.inbound;
