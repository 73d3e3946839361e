package org.openspime.client.report;

/**
 * The envelope or the data document cannot be read. The subclasses say which kind of malformation it is; the
 * message names the element and attribute.
 */
public class MalformedReportException extends ReportRefusedException {

    public MalformedReportException(String message) {
        this(message, null);
    }

    public MalformedReportException(String message, Throwable cause) {
        super(ReportCondition.MALFORMED_ENVELOPE, message, cause);
    }
}
