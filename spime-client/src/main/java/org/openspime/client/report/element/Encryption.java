package org.openspime.client.report.element;

/** The {@code enc} of a {@code <transport/>}. */
public enum Encryption {
    /** The payload is the data document itself; the scope must allow plain reports. */
    NONE("none"),
    /** The payload is AES-256-GCM ciphertext with its 16-byte tag appended; 12-byte nonce. */
    AES_256_GCM("aes-256-gcm");

    private final String wireName;

    Encryption(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    /** Null when the name is unknown, so the codec can say "unsupported" rather than "malformed". */
    public static Encryption fromWireName(String name) {
        for (Encryption e : values()) {
            if (e.wireName.equals(name)) {
                return e;
            }
        }
        return null;
    }
}
