package org.openspime.client.report.element;

/** The namespace of every report element, and the algorithm names the protocol admits. */
public final class ReportNamespace {

    public static final String NS = "urn:openspime:report:1";
    /** RSASSA-PKCS1-v1_5 with SHA-256 ({@code SHA256withRSA} in Java), the {@code algo} of {@code <signature/>}. */
    public static final String SIGNATURE_ALGORITHM = "rsa-sha256";
    /** RSAES-OAEP with SHA-256 and MGF1-SHA-256, empty label, the {@code wrap} of {@code <key/>}. */
    public static final String WRAP_ALGORITHM = "rsa-oaep-sha256";

    private ReportNamespace() {
    }
}
