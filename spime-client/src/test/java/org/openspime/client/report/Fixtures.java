package org.openspime.client.report;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.openspime.certification.Jid;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.Value;

/** Identities, keys and reports shared by the report tests. Keys are generated once per test JVM (2048 bits, for speed). */
public final class Fixtures {

    public static final Jid SPIME = Jid.of("4a6b-5638@gate.example/spime");
    public static final Jid MALLORY = Jid.of("mallory@gate.example/spime");
    public static final Jid SNID = Jid.of("co2node@gate.example/co2");
    public static final Jid OTHER_SNID = Jid.of("noise@gate.example/db");
    public static final String SCOPE = "co2-monitoring";
    public static final Instant T0 = Instant.parse("2025-03-01T12:00:00Z");

    public static final KeyPair SPIME_KEYS = generate();
    public static final KeyPair MALLORY_KEYS = generate();
    public static final KeyPair SCOPENODE_KEYS = generate();
    public static final KeyPair OTHER_SCOPENODE_KEYS = generate();

    private Fixtures() {
    }

    public static Report co2Report(String id) {
        return new Report(ReportId.of(id), SPIME, SCOPE, List.of(
                Reading.at(T0, Location.of(45.4642, 9.19, 122.5),
                        Value.decimal("co2", "415.2", "ppm"), Value.decimal("temperature", "21.75", "Cel"), Value.bool("calibrated", true)),
                Reading.at(T0.plusMillis(60_250), Value.integer("samples", 12, null), Value.text("note", "fan <on> & 'high'"))));
    }

    public static Report batch(String id, int readings) {
        List<Reading> list = new ArrayList<>();
        for (int i = 0; i < readings; i++) {
            list.add(Reading.at(T0.plusSeconds(i), Location.of(45.4642, 9.19),
                    Value.decimal("co2", "4" + (10 + i % 90) + ".5", "ppm"), Value.integer("seq", i, null)));
        }
        return new Report(ReportId.of(id), SPIME, SCOPE, list);
    }

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("RSA");
            g.initialize(new RSAKeyGenParameterSpec(2048, RSAKeyGenParameterSpec.F4));
            return g.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A committed PEM pair (PRIVATE KEY then PUBLIC KEY) from the test resources, for reproducible vectors. */
    public static KeyPair pemPair(String resource) {
        try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new KeyPair(rsa.generatePublic(new X509EncodedKeySpec(block(pem, "PUBLIC KEY"))),
                    rsa.generatePrivate(new PKCS8EncodedKeySpec(block(pem, "PRIVATE KEY"))));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] block(String pem, String label) {
        Matcher m = Pattern.compile("-----BEGIN " + label + "-----(.*?)-----END " + label + "-----", Pattern.DOTALL).matcher(pem);
        if (!m.find()) {
            throw new IllegalStateException("no " + label);
        }
        return Base64.getMimeDecoder().decode(m.group(1));
    }
}
