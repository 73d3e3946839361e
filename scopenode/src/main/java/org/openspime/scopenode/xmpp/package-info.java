/**
 * The ScopeNode on XMPP: the IQ request handler that takes {@code <report/>} IQ sets and answers each with the
 * intake's acknowledgment or refusal ({@code docs/protocol-report.md}, sections 1 and 7).
 */
package org.openspime.scopenode.xmpp;
