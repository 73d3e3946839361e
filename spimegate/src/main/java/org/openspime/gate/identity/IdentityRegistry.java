package org.openspime.gate.identity;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.vysper.xmpp.addressing.Entity;
import org.openspime.gate.credentials.PasswordGenerator;
import org.openspime.gate.credentials.ScramAlgorithm;
import org.openspime.gate.credentials.ScramCredentials;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The identity service of a gate: registers OSIDs under accounts, lists and changes them, checks who may log in
 * and which resource a session may bind. The admin CLI, the console and the gate all go through it, so the
 * validation rules live in one place.
 *
 * <p>Listeners hear about changes made through this instance at once, and about changes made by other processes
 * once an {@link IdentityChangeWatcher} started on this registry polls them from the change log.
 */
public final class IdentityRegistry {
    private static final Logger log = LoggerFactory.getLogger(IdentityRegistry.class);
    /** Passwords chosen by an operator; generated ones are 20 characters. */
    public static final int MIN_PASSWORD_LENGTH = 8;

    private final IdentityStore store;
    private final String domain;
    private final boolean allowUnregisteredResources;
    private final String origin = UUID.randomUUID().toString();
    private final PasswordGenerator passwords = new PasswordGenerator();
    private final List<IdentityListener> listeners = new CopyOnWriteArrayList<>();

    public IdentityRegistry(IdentityStore store, String domain) {
        this(store, domain, false);
    }

    /**
     * @param allowUnregisteredResources when true, any ACTIVE account may bind any resource (for operators who
     *                                   let plain XMPP clients in); when false only registered OSIDs are bound
     */
    public IdentityRegistry(IdentityStore store, String domain, boolean allowUnregisteredResources) {
        this.store = store;
        this.domain = domain.trim().toLowerCase(Locale.ROOT);
        this.allowUnregisteredResources = allowUnregisteredResources;
    }

    public String domain() {
        return domain;
    }

    IdentityStore store() {
        return store;
    }

    /** Identifies this instance's rows in the change log, so the watcher does not repeat local news. */
    String origin() {
        return origin;
    }

    // --- registration ---------------------------------------------------------------------------------------

    /** {@link #create(OsidKind, String, String, String, String)} without an owner. */
    public NewIdentity create(OsidKind kind, String jid, String description, String password) {
        return create(kind, jid, description, null, password);
    }

    /**
     * Registers an OSID. When its account (the bare JID) is new, the account gets {@code password}, or a generated
     * one returned in {@link NewIdentity#generatedPassword()} when {@code password} is null. When the account
     * already exists (another resource of a bridge) it keeps its credentials, and giving a password is refused
     * rather than silently replacing the one the other OSIDs use.
     */
    public NewIdentity create(OsidKind kind, String jid, String description, String owner, String password) {
        return register(kind, jid, description, owner, password, false);
    }

    /**
     * Registers an OSID for an entity that authenticates with its key rather than a password: a new account gets
     * no credentials at all (no password login works until {@link #resetPassword} gives it one); an existing
     * account keeps its own.
     */
    public Identity createKeyOnly(OsidKind kind, String jid, String description, String owner) {
        return register(kind, jid, description, owner, null, true).identity();
    }

    private NewIdentity register(OsidKind kind, String jid, String description, String owner, String password,
                                 boolean keyOnly) {
        Jid osid = validJid(jid);
        if (kind.resourceRequired() && !osid.isFull()) {
            throw new IdentityException("a " + kind.osidName() + " must be a full JID with a resource, e.g. "
                    + osid + "/" + kind.name().toLowerCase(Locale.ROOT) + "1");
        }
        if (store.find(osid).isPresent()) {
            throw new IdentityException(osid + " is already registered");
        }
        Jid account = osid.bare();
        Identity identity = new Identity(osid, account, kind, blankToNull(description), blankToNull(owner),
                IdentityState.ACTIVE, Instant.now());
        String generated = null;
        if (store.accountExists(account)) {
            if (password != null) {
                throw new IdentityException("account " + account + " already exists with its own password;"
                        + " use reset-password to change it");
            }
            store.insert(identity, null, origin);
        } else if (keyOnly) {
            store.insert(identity, List.of(), origin);
        } else {
            if (password == null) {
                generated = passwords.generate();
            } else {
                checkPassword(password);
            }
            store.insert(identity, derive(password == null ? generated : password), origin);
        }
        log.info("registered {} {} under account {}", kind.osidName(), osid, account);
        return new NewIdentity(store.find(osid).orElse(identity), generated);
    }

    // --- reading --------------------------------------------------------------------------------------------

    public List<Identity> list(IdentityQuery query) {
        return store.list(query);
    }

    public long count(IdentityQuery query) {
        return store.count(query);
    }

    public Optional<Identity> find(String jid) {
        return store.find(validJid(jid));
    }

    /** The OSID, or an {@link IdentityException} saying it is not registered. */
    public Identity show(String jid) {
        return find(jid).orElseThrow(() -> new IdentityException(jid.trim() + " is not registered"));
    }

    /** The OSIDs of an account (for an account JID), else the one OSID; never empty. */
    private List<Identity> targets(String jid) {
        Jid parsed = validJid(jid);
        Optional<Identity> exact = store.find(parsed);
        if (exact.isPresent()) {
            return List.of(exact.get());
        }
        if (!parsed.isFull()) {
            List<Identity> all = store.underAccount(parsed);
            if (!all.isEmpty()) {
                return all;
            }
        }
        throw new IdentityException(parsed + " is not registered");
    }

    // --- changes --------------------------------------------------------------------------------------------

    /** Disables an OSID, or every OSID of an account when given the account's bare JID. */
    public void disable(String jid) {
        List<Jid> changed = store.setState(targets(jid).stream().map(Identity::jid).toList(),
                IdentityState.DISABLED, origin);
        changed.forEach(j -> log.info("disabled {}", j));
        changed.forEach(j -> fire(IdentityChange.Kind.DISABLED, j.toEntity()));
    }

    /** Enables an OSID, or every OSID of an account when given the account's bare JID. */
    public void enable(String jid) {
        List<Jid> changed = store.setState(targets(jid).stream().map(Identity::jid).toList(),
                IdentityState.ACTIVE, origin);
        changed.forEach(j -> log.info("enabled {}", j));
    }

    /**
     * Gives the account of {@code jid} (an OSID or the account itself) a new password: {@code password}, or a
     * generated one which is returned. Sessions of the account are told, through the listeners, to end.
     */
    public String resetPassword(String jid, String password) {
        Jid account = targets(jid).get(0).account();
        String effective = password == null ? passwords.generate() : password;
        if (password != null) {
            checkPassword(password);
        }
        store.replaceCredentials(account, derive(effective), origin);
        log.info("password changed for account {}", account);
        fire(IdentityChange.Kind.PASSWORD_CHANGED, account.toEntity());
        return password == null ? effective : null;
    }

    /**
     * Deletes an OSID (and its account with credentials and roster when it was the account's last OSID), or, given
     * an account's bare JID that is not itself an OSID, the account with all its OSIDs.
     */
    public void delete(String jid) {
        Jid parsed = validJid(jid);
        if (store.find(parsed).isPresent()) {
            List<Identity> siblings = store.underAccount(parsed.bare());
            store.deleteOsid(parsed, origin);
            log.info("deleted {}", parsed);
            fire(IdentityChange.Kind.DELETED, parsed.toEntity());
            if (siblings.size() == 1 && parsed.isFull()) {
                fire(IdentityChange.Kind.DELETED, parsed.bare().toEntity());
            }
        } else if (!parsed.isFull() && store.accountExists(parsed)) {
            List<Identity> osids = store.underAccount(parsed);
            store.deleteAccount(parsed, origin);
            log.info("deleted account {} with {} OSIDs", parsed, osids.size());
            osids.forEach(i -> fire(IdentityChange.Kind.DELETED, i.jid().toEntity()));
            fire(IdentityChange.Kind.DELETED, parsed.toEntity());
        } else {
            throw new IdentityException(parsed + " is not registered");
        }
    }

    // --- policy used by the gate ----------------------------------------------------------------------------

    /** An account may log in when it exists and at least one of its OSIDs is ACTIVE. */
    public boolean isAccountActive(Entity account) {
        return store.underAccount(Jid.of(account.getBareJID())).stream().anyMatch(Identity::active);
    }

    public boolean accountExists(Entity account) {
        return store.accountExists(Jid.of(account.getBareJID()));
    }

    /** The account's verifier for a SCRAM variant; empty for an unknown account. */
    public Optional<ScramCredentials> credentials(Entity account, ScramAlgorithm algorithm) {
        return store.credentials(Jid.of(account.getBareJID()), algorithm);
    }

    /**
     * Whether a session authenticated as {@code account} may bind {@code resource}: yes when that full JID is an
     * ACTIVE OSID of the account; yes for any resource when the account is an ACTIVE bare ServID (a service is
     * registered without a resource, so it must be able to pick one) or when unregistered resources are allowed
     * and the account is active; no otherwise.
     */
    /** The OSIDs registered under an account (any state). */
    public List<Identity> osidsOf(Entity account) {
        try {
            return store.underAccount(Jid.of(account.getBareJID()));
        } catch (IdentityException e) {
            return List.of();
        }
    }

    public boolean mayBind(Entity account, String resource) {
        if (resource == null || resource.isEmpty()) {
            return false;
        }
        Jid bare;
        Jid full;
        try {
            bare = Jid.of(account.getBareJID());
            full = bare.withResource(resource);
        } catch (IdentityException e) {
            return false;
        }
        List<Identity> osids = store.underAccount(bare);
        for (Identity osid : osids) {
            if (osid.active() && (osid.jid().equals(full)
                    || (osid.kind() == OsidKind.SERVICE && !osid.jid().isFull()))) {
                return true;
            }
        }
        return allowUnregisteredResources && osids.stream().anyMatch(Identity::active);
    }

    // --- listeners ------------------------------------------------------------------------------------------

    public void addListener(IdentityListener listener) {
        listeners.add(listener);
    }

    public void removeListener(IdentityListener listener) {
        listeners.remove(listener);
    }

    /** Tells every listener; one that throws is logged and does not keep the others from hearing. */
    void fire(IdentityChange.Kind kind, Entity jid) {
        for (IdentityListener l : listeners) {
            try {
                switch (kind) {
                    case DISABLED -> l.disabled(jid);
                    case DELETED -> l.deleted(jid);
                    case PASSWORD_CHANGED -> l.passwordChanged(jid);
                    default -> { }
                }
            } catch (RuntimeException e) {
                log.warn("identity listener {} failed on {} {}", l, kind, jid.getFullQualifiedName(), e);
            }
        }
    }

    // --- helpers --------------------------------------------------------------------------------------------

    private Jid validJid(String text) {
        Jid jid = Jid.parse(text);
        if (!jid.domain().equals(domain)) {
            throw new IdentityException(jid + " is not in this gate's domain " + domain);
        }
        return jid;
    }

    private static void checkPassword(String password) {
        if (password.length() < MIN_PASSWORD_LENGTH) {
            throw new IdentityException("password too short: at least " + MIN_PASSWORD_LENGTH + " characters");
        }
        if (password.chars().anyMatch(Character::isISOControl)) {
            throw new IdentityException("password must not contain control characters");
        }
    }

    private static List<ScramCredentials> derive(String password) {
        return List.of(ScramCredentials.derive(ScramAlgorithm.SHA_1, password),
                ScramCredentials.derive(ScramAlgorithm.SHA_256, password));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
