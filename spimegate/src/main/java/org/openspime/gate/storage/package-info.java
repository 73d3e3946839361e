/**
 * Vysper's storage interfaces on the gate's database: user authorization and account management against the
 * identity registry's SCRAM verifiers, rosters in SQL, and {@link org.openspime.gate.storage.GateStorage}, which
 * opens the database once and hands out both the registry and the Vysper providers.
 */
package org.openspime.gate.storage;
