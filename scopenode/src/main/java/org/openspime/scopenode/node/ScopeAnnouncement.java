package org.openspime.scopenode.node;

import java.util.concurrent.ScheduledExecutorService;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.openspime.client.connection.GateConnection;
import org.openspime.client.directory.ScopeDirectoryManager;
import org.openspime.client.directory.element.ScopeVisibility;
import org.openspime.scopenode.scope.Scope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells the gate's scope directory which scope this ScopeNode collects (docs/protocol-directory.md), after every
 * login, so the gate's console and the spimes that list public scopes find it. The gate keeps a private scope to
 * itself. Announcing is a courtesy: a gate without the directory (a plain XMPP server) or a refusal is logged and
 * changes nothing else.
 */
final class ScopeAnnouncement {

    private static final Logger log = LoggerFactory.getLogger(ScopeAnnouncement.class);
    private static final int MAX_DESCRIPTION = 1024;

    private final Scope scope;
    private final ScheduledExecutorService executor;

    ScopeAnnouncement(Scope scope, ScheduledExecutorService executor) {
        this.scope = scope;
        this.executor = executor;
    }

    /** Announces now (off the caller's thread) and after each new login of {@code connection}. */
    void keep(GateConnection connection) {
        connection.onAuthenticated(c -> executor.execute(() -> announce(c)));
    }

    private void announce(XMPPConnection connection) {
        ScopeVisibility visibility = scope.visibility() == Scope.Visibility.PUBLIC ? ScopeVisibility.PUBLIC : ScopeVisibility.PRIVATE;
        String description = scope.description().length() > MAX_DESCRIPTION
                ? scope.description().substring(0, MAX_DESCRIPTION) : scope.description();
        try {
            ScopeDirectoryManager.getInstanceFor(connection).announce(scope.name(), visibility, description);
            log.info("scope '{}' announced to the gate's directory as {}", scope.name(), visibility.token());
        } catch (XMPPException.XMPPErrorException e) {
            log.warn("the gate did not take the announcement of scope '{}': {}", scope.name(), e.getStanzaError());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            log.warn("scope '{}' not announced to the gate's directory: {}", scope.name(), e.toString());
        }
    }
}
