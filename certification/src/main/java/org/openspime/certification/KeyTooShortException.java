package org.openspime.certification;

/** An RSA key shorter than the minimum (2048 bits): refused for publication, storage and trust alike. */
public final class KeyTooShortException extends CertificationException {

    private final int bits;

    public KeyTooShortException(int bits, int minimumBits) {
        super(StanzaError.NOT_ACCEPTABLE, "RSA key of " + bits + " bits is shorter than the minimum of " + minimumBits);
        this.bits = bits;
    }

    /** The size of the refused key's modulus. */
    public int bits() {
        return bits;
    }
}
