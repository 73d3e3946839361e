package org.openspime.web.fakes;

import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.key.KeyAdministration;
import org.openspime.web.key.KeyState;
import org.openspime.web.key.KeyView;

/** Published keys per JID, as the certification service would list them. */
public final class InMemoryKeys implements KeyAdministration {

    private final Map<String, List<KeyView>> keys = new ConcurrentHashMap<>();
    private final Clock clock;

    public InMemoryKeys(Clock clock) {
        this.clock = clock;
    }

    public void publish(KeyView key) {
        keys.computeIfAbsent(key.jid(), j -> new CopyOnWriteArrayList<>()).add(0, key);
    }

    @Override
    public List<KeyView> keysOf(String jid) {
        return List.copyOf(keys.getOrDefault(jid, List.of()));
    }

    @Override
    public void revoke(String jid, String fingerprint, String reason) {
        List<KeyView> list = keys.getOrDefault(jid, List.of());
        for (int i = 0; i < list.size(); i++) {
            KeyView k = list.get(i);
            if (k.fingerprint().equals(fingerprint)) {
                list.set(i, new KeyView(k.jid(), k.fingerprint(), k.algorithm(), k.bits(), k.published(), k.notBefore(),
                        k.notAfter(), k.attestedBy(), KeyState.REVOKED,
                        Optional.of(new KeyView.Revocation(clock.instant(), reason))));
                return;
            }
        }
        throw new IdentityRefused(IdentityRefused.Reason.NOT_FOUND, jid + " has no key " + fingerprint + ".");
    }
}
