package org.openspime.client.cli;

/** A reading given on the command line or on standard input that cannot be read; the message names the line or option. */
public final class ReadingFormatException extends Exception {

    public ReadingFormatException(String message) {
        super(message);
    }
}
