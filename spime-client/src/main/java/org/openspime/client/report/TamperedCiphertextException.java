package org.openspime.client.report;

/** AES-GCM refused the ciphertext: it, its nonce or its associated data (id, time, sender, recipient, key) was altered. */
public final class TamperedCiphertextException extends ReportRefusedException {

    public TamperedCiphertextException(String message) {
        this(message, null);
    }

    public TamperedCiphertextException(String message, Throwable cause) {
        super(ReportCondition.DECRYPTION_FAILED, message, cause);
    }
}
