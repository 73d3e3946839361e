package org.openspime.web.fakes;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentSkipListMap;
import org.openspime.web.identity.IdentityAdministration;
import org.openspime.web.identity.IdentityKind;
import org.openspime.web.identity.IdentityListing;
import org.openspime.web.identity.IdentityQuery;
import org.openspime.web.identity.IdentityRefused;
import org.openspime.web.identity.IdentityState;
import org.openspime.web.identity.IdentityView;
import org.openspime.web.identity.IssuedIdentity;
import org.openspime.web.operator.Secrets;

/** The gate's registry in a sorted map, refusing duplicates and foreign domains as the real one does. */
public final class InMemoryIdentities implements IdentityAdministration {

    private final Map<String, IdentityView> byJid = new ConcurrentSkipListMap<>();
    private final Map<String, String> passwords = new ConcurrentSkipListMap<>();
    private final String domain;
    private final Clock clock;

    public InMemoryIdentities(String domain, Clock clock) {
        this.domain = domain;
        this.clock = clock;
    }

    @Override
    public synchronized IssuedIdentity create(IdentityKind kind, String jid, String description, boolean wantPassword) {
        String bareDomain = jid.replaceFirst("^[^@]*@", "").replaceFirst("/.*$", "");
        if (!bareDomain.equals(domain)) {
            throw new IdentityRefused(IdentityRefused.Reason.INVALID, "This gate serves " + domain + ", not " + bareDomain + ".");
        }
        if (byJid.containsKey(jid)) {
            throw new IdentityRefused(IdentityRefused.Reason.DUPLICATE, jid + " is already registered.");
        }
        IdentityView view = new IdentityView(jid, kind, IdentityState.ACTIVE, description, clock.instant(), wantPassword);
        byJid.put(jid, view);
        Optional<String> password = wantPassword ? Optional.of(Secrets.password(12)) : Optional.empty();
        password.ifPresent(p -> passwords.put(jid, p));
        return new IssuedIdentity(view, password);
    }

    @Override
    public IdentityListing list(IdentityQuery q) {
        String search = q.search().toLowerCase(Locale.ROOT);
        List<IdentityView> matching = new ArrayList<>();
        for (IdentityView v : byJid.values()) {
            if (q.kind().map(k -> k == v.kind()).orElse(true) && q.state().map(s -> s == v.state()).orElse(true)
                    && (search.isEmpty() || v.jid().toLowerCase(Locale.ROOT).contains(search)
                            || v.description().toLowerCase(Locale.ROOT).contains(search))) {
                matching.add(v);
            }
        }
        matching.sort(Comparator.comparing(IdentityView::jid));
        int from = Math.min(q.offset(), matching.size());
        int to = Math.min(from + q.limit(), matching.size());
        return new IdentityListing(matching.subList(from, to), matching.size());
    }

    @Override
    public Optional<IdentityView> show(String jid) {
        return Optional.ofNullable(byJid.get(jid));
    }

    @Override
    public void disable(String jid) {
        setState(jid, IdentityState.DISABLED);
    }

    @Override
    public void enable(String jid) {
        setState(jid, IdentityState.ACTIVE);
    }

    @Override
    public String resetPassword(String jid) {
        IdentityView v = require(jid);
        String password = Secrets.password(12);
        passwords.put(jid, password);
        byJid.put(jid, new IdentityView(v.jid(), v.kind(), v.state(), v.description(), v.created(), true));
        return password;
    }

    @Override
    public void delete(String jid) {
        require(jid);
        byJid.remove(jid);
        passwords.remove(jid);
    }

    /** What an XMPP login would check: the password matches and the identity is active. */
    public boolean wouldLogIn(String jid, String password) {
        IdentityView v = byJid.get(jid);
        return v != null && v.state() == IdentityState.ACTIVE && password.equals(passwords.get(jid));
    }

    private void setState(String jid, IdentityState state) {
        IdentityView v = require(jid);
        byJid.put(jid, new IdentityView(v.jid(), v.kind(), state, v.description(), v.created(), v.hasPassword()));
    }

    private IdentityView require(String jid) {
        IdentityView v = byJid.get(jid);
        if (v == null) {
            throw new IdentityRefused(IdentityRefused.Reason.NOT_FOUND, "No identity " + jid + ".");
        }
        return v;
    }
}
