/**
 * What the ScopeNode does with one report, independent of XMPP: authorize the sender, bound the size, open the
 * envelope (signature, transport key, decryption, scope), check the readings against the scope's format, queue them
 * for the group commit, and answer with an acknowledgment after the commit or with the refusal's condition.
 * {@link org.openspime.scopenode.intake.ReportIntake} is the pipeline; the XMPP handler only carries its answers.
 */
package org.openspime.scopenode.intake;
