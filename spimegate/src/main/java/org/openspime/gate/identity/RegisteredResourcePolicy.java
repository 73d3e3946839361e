package org.openspime.gate.identity;

import java.util.List;
import java.util.Optional;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.binding.BindPolicy;

/**
 * The gate's binding policy from its registry: a session binds one of its account's active OSIDs; a client
 * that asks for no resource gets the account's only active full OSID, if it has exactly one.
 */
public final class RegisteredResourcePolicy implements BindPolicy {
    private final IdentityRegistry identities;

    public RegisteredResourcePolicy(IdentityRegistry identities) {
        this.identities = identities;
    }

    @Override
    public boolean mayBind(Entity account, String resource) {
        return identities.mayBind(account, resource);
    }

    @Override
    public Optional<String> defaultResource(Entity account) {
        List<Identity> full = identities.osidsOf(account).stream()
                .filter(i -> i.active() && i.jid().isFull())
                .toList();
        return full.size() == 1 ? Optional.of(full.get(0).jid().toEntity().getResource()) : Optional.empty();
    }
}
