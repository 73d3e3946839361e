package org.openspime.scopenode.scope;

/**
 * One way a reading does not fit the scope's data format.
 *
 * @param readingIndex the position of the reading in its report (0 for a lone reading)
 * @param field        the field concerned
 * @param reason       what is wrong, in words that can go back to the spime in the error
 */
public record Violation(int readingIndex, String field, String reason) {
    @Override
    public String toString() {
        return "reading " + readingIndex + ", field " + field + ": " + reason;
    }
}
