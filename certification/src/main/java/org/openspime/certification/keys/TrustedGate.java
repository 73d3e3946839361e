package org.openspime.certification.keys;

import java.io.IOException;
import java.nio.file.Path;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import org.openspime.certification.Jid;

/**
 * Another gate's certification service trusted with the key(s) of a PEM file, as configured in the form
 * {@code SERVICE=PEM_FILE} (e.g. {@code certification.a.example=a-certification.pem}, the file
 * {@code openspime admin certification-key} writes on that gate). Read the same way by the ScopeNode and the spime CLI.
 */
public record TrustedGate(Jid service, List<RSAPublicKey> keys) {

    /**
     * Parses {@code SERVICE=PEM_FILE} and reads the file.
     *
     * @throws IllegalArgumentException if the entry is not of that form or names no service's domain JID
     * @throws IOException              if the file cannot be read or holds no public key
     */
    public static TrustedGate parse(String entry) throws IOException {
        String e = entry.trim();
        int eq = e.indexOf('=');
        if (eq <= 0 || eq == e.length() - 1) {
            throw new IllegalArgumentException("expected SERVICE=PEM_FILE, got '" + e + "'");
        }
        String service = e.substring(0, eq).trim();
        Jid jid = Jid.of(service);
        if (!jid.isBare() || jid.local().isPresent() || jid.domain().indexOf('.') < 0) {
            throw new IllegalArgumentException("'" + service + "' is not a certification service's domain JID such as"
                    + " certification.a.example");
        }
        return new TrustedGate(jid, PublicKeyFiles.read(Path.of(e.substring(eq + 1).trim())));
    }
}
