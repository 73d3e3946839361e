/** The wire side of s2s streams: one connection's writes, STARTTLS and end, and the XML of s2s control elements. */
package org.openspime.gate.federation.stream;
