/**
 * The gate's side of the management console ({@code management-web}): JDBC stores for operators, API tokens
 * and the audit trail, adapters from the console's interfaces to the identity registry, the XMPP engine and the
 * meters, the readiness checks, and {@link org.openspime.gate.console.GateConsole}, which starts the management
 * server on the gate's HTTP port and prints the first admin password.
 *
 * <p>The console module declares what it needs and knows nothing of Vysper or JDBC; everything that knows both
 * sides lives here, so the gate's own packages do not depend on the console.
 */
package org.openspime.gate.console;
