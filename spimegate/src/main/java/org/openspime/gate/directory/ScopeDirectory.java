package org.openspime.gate.directory;

import java.time.Clock;
import java.util.List;
import java.util.Objects;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.openspime.gate.engine.GateResourceRegistry;
import org.openspime.gate.engine.XmppEngine;
import org.openspime.gate.identity.IdentityRegistry;

/**
 * The gate's scope directory: what ScopeNodes announced, kept in a {@link ScopeDirectoryStore}, listed with whether
 * each ScopeNode is connected now (from the engine's resource registry). {@link #install} puts its IQ handler in
 * front of Vysper's; the console reads {@link #publicScopes()}.
 */
public final class ScopeDirectory {
    private final ScopeDirectoryStore store;
    private final GateResourceRegistry sessions;

    private ScopeDirectory(ScopeDirectoryStore store, GateResourceRegistry sessions) {
        this.store = store;
        this.sessions = sessions;
    }

    /** Starts the directory on a started engine. */
    public static ScopeDirectory install(XmppEngine engine, ScopeDirectoryStore store, IdentityRegistry identities,
                                         Clock clock) {
        Objects.requireNonNull(engine.runtime(), "the engine must be started before the directory is installed");
        ScopeDirectory directory = new ScopeDirectory(store, engine.registry());
        ScopeDirectoryIqHandler handler = new ScopeDirectoryIqHandler(engine.runtime().getServerEnitity(),
                engine.registry(), identities, directory, clock);
        engine.runtime().addModule(new ScopeDirectoryModule(handler));
        return directory;
    }

    void announce(ScopeAnnouncement announcement) {
        store.announce(announcement);
    }

    /** The public scopes, by name, each with its ScopeNode's online state. */
    public List<PublicScope> publicScopes() {
        return store.publicScopes().stream()
                .map(a -> new PublicScope(a, sessions.sessionOf(EntityImpl.parseUnchecked(a.snid())) != null))
                .toList();
    }
}
