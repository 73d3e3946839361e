/**
 * Readings as the ScopeNode receives them once a report has been verified and decrypted: a report from one SpimeID,
 * under an id the spime chose (so a retry can be recognised), carrying one or more readings. Nothing here knows
 * about XMPP or the envelope; the report handler builds these from what it decoded.
 */
package org.openspime.scopenode.reading;
