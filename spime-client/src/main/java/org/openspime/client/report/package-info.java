/**
 * Reports: the readings a spime sends to the ScopeNode of a scope, in the OpenSpime envelope (an originator
 * with its signature, a transport that may be encrypted to the ScopeNode).
 *
 * <p>This package holds what every side shares: the {@link org.openspime.client.report.ReportCondition}s a
 * ScopeNode answers with, and the {@link org.openspime.client.report.ReportRefusedException} hierarchy that maps
 * onto them one to one. The values are in {@code element}, their XML in {@code codec}, signing and encryption in
 * {@code crypto}. Nothing here touches a connection: the Smack manager, the outbox and the ScopeNode are built on
 * top. The wire format is {@code docs/protocol-report.md}.
 */
package org.openspime.client.report;
