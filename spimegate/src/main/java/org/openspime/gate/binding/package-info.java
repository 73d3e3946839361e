/**
 * Resource binding (RFC 6120 7) that honours the requested resource: SpimeIDs and SNIDs are stable full JIDs,
 * so the gate binds the resource the entity asks for, if its account holds that OSID (or the policy allows
 * unregistered resources), and a second login on the same full JID replaces the first with a {@code conflict}
 * stream error. Vysper's own handler ignores the request and makes a UUID.
 */
package org.openspime.gate.binding;
