/**
 * The gate's identity registry: accounts (bare JIDs that hold credentials) and the OSIDs registered under them
 * (SpimeIDs, SNIDs, ServIDs), their state, and the policy of which resources a session may bind.
 * {@link org.openspime.gate.identity.IdentityRegistry} is the one service the admin CLI, the console and the gate
 * use; {@link org.openspime.gate.identity.IdentityChangeWatcher} carries changes made by another process (the
 * admin CLI) to a running gate through the change-log table.
 */
package org.openspime.gate.identity;
