/** The gate's Micrometer meters: connections, logins, stanzas routed and bounced, stream errors. */
package org.openspime.gate.metrics;
