package org.openspime.scopenode.http;

/** A query parameter that is missing or malformed; answered 400 with a JSON error naming the parameter. */
final class BadParameterException extends Exception {

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message, null, false, false);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
