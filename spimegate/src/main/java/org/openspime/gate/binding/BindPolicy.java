package org.openspime.gate.binding;

import java.util.Optional;
import org.apache.vysper.xmpp.addressing.Entity;

/** Which resources an account may bind; the identity registry implements it. */
public interface BindPolicy {

    /** Whether {@code account} (a bare JID) may bind {@code resource}. */
    boolean mayBind(Entity account, String resource);

    /** The resource to bind when the client asks for none: the account's only OSID, if it has exactly one. */
    Optional<String> defaultResource(Entity account);

    /** A policy for plain XMPP servers and tests: any resource, a generated one when none is asked for. */
    static BindPolicy anyResource() {
        return new BindPolicy() {
            @Override
            public boolean mayBind(Entity account, String resource) {
                return true;
            }

            @Override
            public Optional<String> defaultResource(Entity account) {
                return Optional.empty();
            }
        };
    }
}
