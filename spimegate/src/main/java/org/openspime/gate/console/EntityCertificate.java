package org.openspime.gate.console;

import java.math.BigInteger;
import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.openspime.certification.element.KeyRecord;

/**
 * The X.509 certificate that travels with a console-generated private key: self-signed by that key, subject
 * {@code CN=<JID>}, valid exactly as long as the attested key. PKCS#12 cannot hold a key without a certificate and
 * TLS libraries expect one; the trust itself is the gate's attestation, which any entity fetches from the
 * certification service (XEP-0189), so a gate-signed X.509 would add a second, redundant authority.
 */
final class EntityCertificate {
    private static final SecureRandom RANDOM = new SecureRandom();

    private EntityCertificate() {
    }

    static X509Certificate selfSigned(KeyRecord record, KeyPair pair) {
        var subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, record.pubKey().jid().toString()).build();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, new BigInteger(127, RANDOM),
                    Date.from(record.pubKey().begin()), Date.from(record.pubKey().end()), subject, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            return new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        } catch (CertIOException | OperatorCreationException | CertificateException e) {
            throw new IllegalStateException("cannot make the certificate of " + record.pubKey().jid() + ": "
                    + e.getMessage(), e);
        }
    }
}
