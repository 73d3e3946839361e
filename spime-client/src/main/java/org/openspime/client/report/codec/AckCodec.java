package org.openspime.client.report.codec;

import org.openspime.client.report.InvalidValueException;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.element.ReportAck;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.ReportNamespace;

/** {@code <ack xmlns='urn:openspime:report:1' id='…' readings='n'[ duplicate='true']/>}, the IQ result's payload. */
public final class AckCodec {

    static final String ACK = "ack";

    private AckCodec() {
    }

    public static String toXml(ReportAck ack) {
        XmlOut out = new XmlOut().open(ACK, ReportNamespace.NS).attr("id", ack.id().value())
                .attr("readings", Integer.toString(ack.readings()));
        if (ack.duplicate()) {
            out.attr("duplicate", "true");
        }
        return out.close(ACK).xml();
    }

    public static ReportAck parse(String xml) throws MalformedReportException {
        XmlIn in = XmlIn.ofString(xml);
        in.expect(ReportNamespace.NS, ACK);
        ReportId id = in.convert("id", in.required("id"), ReportId::of);
        int readings = in.convert("readings", in.required("readings"), AckCodec::count);
        String duplicate = in.optional("duplicate");
        if (duplicate != null && !"true".equals(duplicate) && !"false".equals(duplicate)) {
            throw new InvalidValueException("<ack/> 'duplicate' must be true or false, not '" + duplicate + "'");
        }
        in.skip();
        in.expectEnd();
        return new ReportAck(id, readings, "true".equals(duplicate));
    }

    private static int count(String text) {
        if (!text.matches("[0-9]{1,9}")) {
            throw new IllegalArgumentException("'" + text + "' is not a count");
        }
        return Integer.parseInt(text);
    }
}
