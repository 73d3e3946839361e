/**
 * The SpimeGate's HTTP side: the operator console, its JSON API and the operations endpoints, served by
 * {@link org.openspime.web.ManagementServer}.
 *
 * <p>This module knows nothing of Vysper or the gate's storage. It declares what it needs as small
 * interfaces — {@link org.openspime.web.identity.IdentityAdministration}, {@link
 * org.openspime.web.key.KeyAdministration}, {@link org.openspime.web.status.GateStatus}, {@link
 * org.openspime.web.operator.OperatorDirectory}, {@link org.openspime.web.audit.AuditLog} and {@link
 * org.openspime.web.ops.ReadinessCheck} — and the gate implements them, so the dependency points one way.
 */
package org.openspime.web;
