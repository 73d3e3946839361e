package org.openspime.web.key;

import java.util.Locale;
import java.util.Optional;

/** How a generated private key is handed over. */
public enum KeyFormat {
    /** A password-protected PKCS#12 file with the key and its certificate chain. */
    PKCS12("application/x-pkcs12", "p12"),
    /** Unencrypted PEM: the key as PKCS#8 followed by the certificates; for devices that cannot read PKCS#12. */
    PEM("application/x-pem-file", "pem");

    private final String contentType;
    private final String extension;

    KeyFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public String label() {
        return this == PKCS12 ? "PKCS#12" : "PEM (PKCS#8)";
    }

    public static Optional<KeyFormat> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "pkcs12", "p12", "pfx" -> Optional.of(PKCS12);
            case "pem", "pkcs8" -> Optional.of(PEM);
            default -> Optional.empty();
        };
    }
}
