package org.openspime.web.bulk;

/**
 * A bulk import could not start now: the operator already has one running, or every worker is taken. Unlike
 * a refused file, trying again later will do.
 */
public final class ImportBusy extends RuntimeException {

    public ImportBusy(String message) {
        super(message);
    }
}
