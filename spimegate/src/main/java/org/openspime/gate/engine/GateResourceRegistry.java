package org.openspime.gate.engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.apache.vysper.xmpp.addressing.Entity;
import org.apache.vysper.xmpp.addressing.EntityImpl;
import org.apache.vysper.xmpp.server.SessionContext;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceRegistry;
import org.apache.vysper.xmpp.state.resourcebinding.ResourceState;
import org.slf4j.LoggerFactory;

/**
 * Which session holds which full JID.
 *
 * <p>Vysper's registry keys sessions by resource name alone, which works only because it makes every resource
 * a UUID. SpimeIDs and SNIDs are stable full JIDs whose resource names repeat across accounts
 * ({@code a@gate/spime}, {@code b@gate/spime}), so this registry keys by bare JID and resource. The
 * resource-only methods Vysper's handlers call resolve the account through, in order: a resource name bound by
 * a single account; the entity this thread last listed resources of (handlers list, then act on each); the
 * {@link ActingEntity}.
 *
 * <p>Concurrent maps make reads lock-free; binding and unbinding of one account serialise on that account's map.
 * A session holds at most one resource.
 */
public final class GateResourceRegistry extends ResourceRegistry {
    private final Map<Entity, Map<String, Binding>> byAccount = new ConcurrentHashMap<>();
    private final Map<SessionContext, Entity> bySession = new ConcurrentHashMap<>();
    private final Map<String, Set<Entity>> accountsByResource = new ConcurrentHashMap<>();
    private final List<Consumer<Entity>> unboundListeners = new CopyOnWriteArrayList<>();

    private static final class Binding {
        final SessionContext session;
        volatile ResourceState state = ResourceState.CONNECTED;
        volatile int priority;

        Binding(SessionContext session) {
            this.session = session;
        }
    }

    /**
     * Registers a listener told the full JID of every binding that ends: its session ended (whatever the cause:
     * close, abort, stream error) or a new session took the full JID over. Services that keep per-session state
     * (e.g. certification subscriptions) drop it there. Called on the thread ending the binding; it must not block.
     * For a takeover it runs before the new session's bind result is sent, so the new session starts clean.
     */
    public void addUnboundListener(Consumer<Entity> listener) {
        unboundListeners.add(listener);
    }

    private void unbound(Entity fullJid) {
        for (Consumer<Entity> listener : unboundListeners) {
            try {
                listener.accept(fullJid);
            } catch (RuntimeException e) {
                LoggerFactory.getLogger(GateResourceRegistry.class).warn("unbound listener failed for {}", fullJid, e);
            }
        }
    }

    /**
     * Binds {@code fullJid} to {@code session}; returns the session that held it before (which the caller ends
     * with a {@code conflict} stream error, RFC 6120 7.7.2.2), or null.
     */
    public SessionContext bind(SessionContext session, Entity fullJid) {
        Entity bare = fullJid.getBareJID();
        String resource = fullJid.getResource();
        Map<String, Binding> resources = byAccount.computeIfAbsent(bare, k -> new ConcurrentHashMap<>());
        Binding previous;
        synchronized (resources) {
            previous = resources.put(resource, new Binding(session));
            bySession.put(session, fullJid);
            accountsByResource.computeIfAbsent(resource, k -> ConcurrentHashMap.newKeySet()).add(bare);
            byAccount.putIfAbsent(bare, resources);
        }
        if (previous != null && previous.session != session) {
            bySession.remove(previous.session, fullJid);
            unbound(fullJid);
            return previous.session;
        }
        return null;
    }

    /** The full JID a session bound, or null. */
    public Entity boundJid(SessionContext session) {
        return bySession.get(session);
    }

    /** The session bound to exactly this full JID, or null. */
    public SessionContext sessionOf(Entity fullJid) {
        if (fullJid == null || fullJid.getResource() == null) {
            return null;
        }
        Map<String, Binding> resources = byAccount.get(fullJid.getBareJID());
        Binding b = resources == null ? null : resources.get(fullJid.getResource());
        return b == null ? null : b.session;
    }

    /** Every session of an account. */
    public List<SessionContext> sessionsOf(Entity account) {
        Map<String, Binding> resources = byAccount.get(account.getBareJID());
        if (resources == null) {
            return List.of();
        }
        List<SessionContext> out = new ArrayList<>(resources.size());
        resources.values().forEach(b -> out.add(b.session));
        return out;
    }

    /** Every bound full JID, a copy taken now (the console's overview counts them by kind). */
    public List<Entity> boundJids() {
        return List.copyOf(bySession.values());
    }

    /** Number of bound full JIDs. */
    public int boundCount() {
        return bySession.size();
    }

    @Override
    public String bindSession(SessionContext sessionContext) {
        String resource = UUID.randomUUID().toString();
        bind(sessionContext, new EntityImpl(sessionContext.getInitiatingEntity().getBareJID(), resource));
        return resource;
    }

    @Override
    public boolean unbindResource(String resourceId) {
        Entity account = resolve(resourceId);
        if (account == null) {
            return false;
        }
        Map<String, Binding> resources = byAccount.get(account);
        Binding b = resources == null ? null : resources.get(resourceId);
        if (b != null) {
            unbindSession(b.session);
        }
        return true;
    }

    @Override
    public void unbindSession(SessionContext session) {
        if (session == null) {
            return;
        }
        Entity full = bySession.remove(session);
        if (full == null) {
            return;
        }
        Entity bare = full.getBareJID();
        Map<String, Binding> resources = byAccount.get(bare);
        if (resources == null) {
            return;
        }
        boolean unboundAfter = false;
        synchronized (resources) {
            Binding b = resources.get(full.getResource());
            if (b != null && b.session == session) {
                resources.remove(full.getResource());
                unboundAfter = true;
                Set<Entity> accounts = accountsByResource.get(full.getResource());
                if (accounts != null) {
                    accounts.remove(bare);
                    if (accounts.isEmpty()) {
                        accountsByResource.remove(full.getResource(), accounts);
                    }
                }
            }
            if (resources.isEmpty()) {
                byAccount.remove(bare, resources);
            }
        }
        if (unboundAfter) {
            unbound(full);
        }
    }

    @Override
    public String getUniqueResourceForSession(SessionContext session) {
        Entity full = session == null ? null : bySession.get(session);
        return full == null ? null : full.getResource();
    }

    @Override
    public List<String> getResourcesForSession(SessionContext session) {
        String r = getUniqueResourceForSession(session);
        return r == null ? List.of() : List.of(r);
    }

    @Override
    public SessionContext getSessionContext(String resourceId) {
        Binding b = binding(resourceId);
        return b == null ? null : b.session;
    }

    @Override
    protected List<String> getBoundResources(Entity entity) {
        return getBoundResources(entity, true);
    }

    @Override
    public List<String> getBoundResources(Entity entity, boolean considerBareID) {
        ActingEntity.listed(entity.getBareJID());
        Map<String, Binding> resources = byAccount.get(entity.getBareJID());
        if (resources == null) {
            return List.of();
        }
        if (considerBareID || entity.getResource() == null) {
            return List.copyOf(resources.keySet());
        }
        return resources.containsKey(entity.getResource()) ? List.of(entity.getResource()) : List.of();
    }

    @Override
    public List<SessionContext> getSessions(Entity entity) {
        List<SessionContext> out = new ArrayList<>();
        Map<String, Binding> resources = byAccount.get(entity.getBareJID());
        if (resources == null) {
            return out;
        }
        for (String r : getBoundResources(entity, false)) {
            Binding b = resources.get(r);
            if (b != null) {
                out.add(b.session);
            }
        }
        return out;
    }

    @Override
    public List<SessionContext> getSessions(Entity entity, Integer prioThreshold) {
        int threshold = prioThreshold == null ? 0 : prioThreshold;
        ActingEntity.listed(entity.getBareJID());
        Map<String, Binding> resources = byAccount.get(entity.getBareJID());
        if (resources == null) {
            return List.of();
        }
        List<SessionContext> out = new ArrayList<>();
        resources.values().forEach(b -> {
            if (b.priority >= threshold) {
                out.add(b.session);
            }
        });
        return out;
    }

    @Override
    public long getSessionCount() {
        return bySession.size();
    }

    @Override
    public List<SessionContext> getHighestPrioSessions(Entity entity, Integer prioThreshold) {
        ActingEntity.listed(entity.getBareJID());
        Map<String, Binding> resources = byAccount.get(entity.getBareJID());
        if (resources == null) {
            return List.of();
        }
        if (entity.isResourceSet()) {
            Binding b = resources.get(entity.getResource());
            return b == null ? List.of() : List.of(b.session);
        }
        int best = prioThreshold == null ? Integer.MIN_VALUE : prioThreshold;
        List<SessionContext> out = new ArrayList<>();
        for (Binding b : resources.values()) {
            if (b.priority > best) {
                out.clear();
                best = b.priority;
                out.add(b.session);
            } else if (b.priority == best) {
                out.add(b.session);
            }
        }
        return out;
    }

    @Override
    public boolean setResourceState(String resourceId, ResourceState state) {
        Binding b = binding(resourceId);
        if (b == null) {
            throw new IllegalArgumentException("resource not registered: " + resourceId);
        }
        synchronized (b) {
            boolean changed = b.state != state;
            b.state = state;
            return changed;
        }
    }

    @Override
    public ResourceState getResourceState(String resourceId) {
        Binding b = binding(resourceId);
        return b == null ? null : b.state;
    }

    @Override
    public void setResourcePriority(String resourceId, int priority) {
        Binding b = binding(resourceId);
        if (b != null) {
            b.priority = priority;
        }
    }

    @Override
    public List<String> getInterestedResources(Entity entity) {
        return filter(entity, s -> ResourceState.isInterested(s));
    }

    @Override
    public List<String> getAvailableResources(Entity entity) {
        return filter(entity, s -> s == ResourceState.AVAILABLE || s == ResourceState.AVAILABLE_INTERESTED);
    }

    private List<String> filter(Entity entity, java.util.function.Predicate<ResourceState> keep) {
        ActingEntity.listed(entity.getBareJID());
        Map<String, Binding> resources = byAccount.get(entity.getBareJID());
        if (resources == null) {
            return new ArrayList<>();
        }
        List<String> out = new ArrayList<>();
        resources.forEach((r, b) -> {
            if (keep.test(b.state)) {
                out.add(r);
            }
        });
        return out;
    }

    private Binding binding(String resourceId) {
        if (resourceId == null) {
            return null;
        }
        Entity account = resolve(resourceId);
        if (account == null) {
            return null;
        }
        Map<String, Binding> resources = byAccount.get(account);
        return resources == null ? null : resources.get(resourceId);
    }

    private Entity resolve(String resourceId) {
        Set<Entity> accounts = accountsByResource.getOrDefault(resourceId, Collections.emptySet());
        if (accounts.size() == 1) {
            return accounts.iterator().next();
        }
        Entity listed = ActingEntity.lastListed();
        if (listed != null && accounts.contains(listed)) {
            return listed;
        }
        Entity acting = ActingEntity.current();
        if (acting != null && accounts.contains(acting)) {
            return acting;
        }
        return null;
    }
}
