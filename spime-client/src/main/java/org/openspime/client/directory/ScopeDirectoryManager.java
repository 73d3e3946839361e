package org.openspime.client.directory;

import java.util.List;
import java.util.Map;
import java.util.WeakHashMap;
import org.jivesoftware.smack.Manager;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPConnection;
import org.jivesoftware.smack.XMPPException;
import org.jivesoftware.smack.provider.ProviderManager;
import org.openspime.client.directory.element.PublicScope;
import org.openspime.client.directory.element.ScopeAnnounce;
import org.openspime.client.directory.element.ScopeVisibility;
import org.openspime.client.directory.element.ScopesQuery;
import org.openspime.client.directory.provider.ScopesQueryProvider;

/**
 * The scope directory of the connection's gate. A ScopeNode {@link #announce}s the scope it collects (again after
 * every login, or whenever name or description change: the latest announcement replaces the earlier one); any
 * entity lists the {@link #publicScopes}. Refusals come as Smack's {@link XMPPException.XMPPErrorException} with
 * the gate's condition ({@code forbidden}, {@code bad-request}) and a text saying why.
 */
public final class ScopeDirectoryManager extends Manager {
    private static final Map<XMPPConnection, ScopeDirectoryManager> INSTANCES = new WeakHashMap<>();

    static {
        ProviderManager.addIQProvider(ScopesQuery.ELEMENT, ScopesQuery.NAMESPACE, new ScopesQueryProvider());
    }

    private ScopeDirectoryManager(XMPPConnection connection) {
        super(connection);
    }

    public static synchronized ScopeDirectoryManager getInstanceFor(XMPPConnection connection) {
        return INSTANCES.computeIfAbsent(connection, ScopeDirectoryManager::new);
    }

    /** Announces this ScopeNode's scope to its gate; returns when the gate has kept it. */
    public void announce(String name, ScopeVisibility visibility, String description)
            throws XMPPException.XMPPErrorException, SmackException.NoResponseException,
            SmackException.NotConnectedException, InterruptedException {
        ScopeAnnounce iq = new ScopeAnnounce(name, visibility, description);
        iq.setTo(connection().getXMPPServiceDomain());
        connection().sendIqRequestAndWaitForResponse(iq);
    }

    /** The public scopes the gate knows, by name, each with its ScopeNode and whether that is online. */
    public List<PublicScope> publicScopes() throws XMPPException.XMPPErrorException,
            SmackException.NoResponseException, SmackException.NotConnectedException, InterruptedException {
        ScopesQuery query = new ScopesQuery();
        query.setTo(connection().getXMPPServiceDomain());
        ScopesQuery answer = connection().sendIqRequestAndWaitForResponse(query);
        return answer.scopes();
    }
}
