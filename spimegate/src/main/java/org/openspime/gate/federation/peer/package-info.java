/** Peer discovery: static addresses, DNS SRV, then the domain's own address records. */
package org.openspime.gate.federation.peer;
