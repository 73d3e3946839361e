package org.openspime.client.bridge;

import java.io.IOException;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.jivesoftware.smack.SmackException;
import org.jivesoftware.smack.XMPPException;
import org.openspime.certification.CertificationException;
import org.openspime.certification.Jid;
import org.openspime.certification.keys.LocalKeyStore;
import org.openspime.certification.keys.RsaKeys;
import org.openspime.client.certification.CertificationUnavailableException;
import org.openspime.client.connection.ConnectionSettings;
import org.openspime.client.spime.Spime;
import org.openspime.client.spime.SpimeOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gateway account relaying for several spimes. {@link #add} brings a relayed spime on line as itself: its key pair
 * is taken from the bridge's key store under the spime's resource (generated and saved on first use), it logs in with
 * its own OSID on its own connection, publishes its key, and reports through its own outbox in
 * {@code outboxRoot/<resource>}. {@link #remove} takes it off line; its key and outbox stay, so adding it back resends
 * what it had pending.
 *
 * <pre>{@code
 * try (Bridge bridge = Bridge.open(ConnectionSettings.of(Jid.of("gateway@net.example/bridge"), password, trust, host, 5222),
 *                                  Path.of("bridge.p12"), storePassword, Path.of("outbox"), SpimeOptions.trusting(anchors))) {
 *     Spime sensor = bridge.add("spime12");
 *     sensor.report(snid, "co2-monitoring", readings);
 * }
 * }</pre>
 */
public final class Bridge implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(Bridge.class);
    private static final Pattern RESOURCE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private final ConnectionSettings account;
    private final LocalKeyStore keys;
    private final Path outboxRoot;
    private final SpimeOptions options;
    private final int keyBits;
    private final Map<String, Spime> relayed = new ConcurrentHashMap<>();

    private Bridge(ConnectionSettings account, LocalKeyStore keys, Path outboxRoot, SpimeOptions options, int keyBits) {
        this.account = account;
        this.keys = keys;
        this.outboxRoot = outboxRoot;
        this.options = options;
        this.keyBits = keyBits;
    }

    /**
     * @param account any OSID of the gateway account with its password; each relayed spime logs in as
     *                {@code account/<resource>} with the same password and gate settings
     */
    public static Bridge open(ConnectionSettings account, Path keyStore, char[] keyStorePassword, Path outboxRoot, SpimeOptions options)
            throws IOException {
        return open(account, keyStore, keyStorePassword, outboxRoot, options, RsaKeys.DEFAULT_BITS);
    }

    public static Bridge open(ConnectionSettings account, Path keyStore, char[] keyStorePassword, Path outboxRoot, SpimeOptions options,
                              int keyBits) throws IOException {
        Objects.requireNonNull(account, "account");
        Objects.requireNonNull(outboxRoot, "outboxRoot");
        Objects.requireNonNull(options, "options");
        return new Bridge(account, LocalKeyStore.open(keyStore, keyStorePassword), outboxRoot, options, keyBits);
    }

    /** The OSID a relayed spime gets: the gateway account with {@code resource}. */
    public Jid osidOf(String resource) {
        requireResource(resource);
        return Jid.of(account.osid().bare() + "/" + resource);
    }

    /**
     * Brings the spime {@code resource} on line (its key generated on first use) and publishes its key.
     *
     * @throws IllegalStateException if it is already relayed
     */
    public Spime add(String resource) throws IOException, SmackException, XMPPException, InterruptedException, CertificationException,
            CertificationUnavailableException {
        Jid osid = osidOf(resource);
        if (relayed.containsKey(resource)) {
            throw new IllegalStateException(osid + " is already relayed by this bridge");
        }
        KeyPair pair = keyOf(resource);
        Spime spime = Spime.start(account.forOsid(osid), pair, outboxRoot.resolve(resource), options);
        try {
            spime.publishKey();
        } catch (CertificationException | CertificationUnavailableException | InterruptedException | RuntimeException e) {
            spime.close();
            throw e;
        }
        if (relayed.putIfAbsent(resource, spime) != null) {
            spime.close();
            throw new IllegalStateException(osid + " is already relayed by this bridge");
        }
        log.info("bridge {}: relaying {}", account.osid().bare(), osid);
        return spime;
    }

    /** Takes a relayed spime off line; false if it was not relayed. Its key and pending reports stay. */
    public boolean remove(String resource) {
        Spime spime = relayed.remove(resource);
        if (spime == null) {
            return false;
        }
        spime.close();
        log.info("bridge {}: stopped relaying {}", account.osid().bare(), spime.osid());
        return true;
    }

    public Optional<Spime> get(String resource) {
        return Optional.ofNullable(relayed.get(resource));
    }

    public List<Spime> relayed() {
        return new ArrayList<>(relayed.values());
    }

    private synchronized KeyPair keyOf(String resource) throws IOException, CertificationException {
        Optional<KeyPair> existing = keys.get(resource);
        if (existing.isPresent()) {
            return existing.get();
        }
        KeyPair pair = RsaKeys.generate(keyBits);
        keys.put(resource, pair);
        keys.save();
        return pair;
    }

    private static void requireResource(String resource) {
        if (resource == null || !RESOURCE.matcher(resource).matches()) {
            throw new IllegalArgumentException("a relayed spime's resource must be 1-64 of [A-Za-z0-9._-], not '" + resource + "'");
        }
        if (LocalKeyStore.CURRENT.equals(resource) || LocalKeyStore.PREVIOUS.equals(resource)) {
            throw new IllegalArgumentException("'" + resource + "' is reserved in the key store; choose another resource");
        }
    }

    /** Takes every relayed spime off line. */
    @Override
    public void close() {
        for (String resource : new ArrayList<>(relayed.keySet())) {
            remove(resource);
        }
    }
}
