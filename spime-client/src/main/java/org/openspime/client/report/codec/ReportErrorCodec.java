package org.openspime.client.report.codec;

import java.util.Optional;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.MissingPartException;
import org.openspime.client.report.ReportCondition;
import org.openspime.client.report.element.ReportError;
import org.openspime.client.report.element.ReportNamespace;

/**
 * The stanza {@code <error/>} of a refused report, in RFC 6120 order: the defined condition, the text, then the
 * application condition in {@code urn:openspime:report:1}:
 * <pre>{@code <error type='auth'><not-authorized xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'/>
 * <text xmlns='urn:ietf:params:xml:ns:xmpp-stanzas'>…</text><bad-signature xmlns='urn:openspime:report:1'/></error>}</pre>
 */
public final class ReportErrorCodec {

    public static final String STANZAS = "urn:ietf:params:xml:ns:xmpp-stanzas";

    private ReportErrorCodec() {
    }

    public static String toXml(ReportError error) {
        ReportCondition c = error.condition();
        XmlOut out = new XmlOut().open("error").attr("type", c.errorType())
                .open(c.stanzaCondition(), STANZAS).close(c.stanzaCondition());
        error.text().ifPresent(t -> out.open("text", STANZAS).text(t).close("text"));
        return out.open(c.element(), ReportNamespace.NS).close(c.element()).close("error").xml();
    }

    /**
     * Reads the application condition and text of an {@code <error/>} (any namespace on the element itself, as
     * it appears inside {@code jabber:client}).
     *
     * @throws MissingPartException when it carries no known report condition (an error from the gate, say)
     */
    public static ReportError parse(String xml) throws MalformedReportException {
        XmlIn in = XmlIn.ofString(xml);
        if (!"error".equals(in.name())) {
            throw new MissingPartException("expected <error/>, found <" + in.name() + "/>");
        }
        ReportCondition condition = null;
        String text = null;
        while (in.nextChild()) {
            if (in.at(STANZAS, "text")) {
                text = in.text();
            } else if (condition == null && in.at(ReportNamespace.NS, in.name())) {
                condition = ReportCondition.fromElement(in.name()).orElse(null);
                in.skip();
            } else {
                in.skip();
            }
        }
        in.expectEnd();
        if (condition == null) {
            throw new MissingPartException("<error/> carries no condition in " + ReportNamespace.NS);
        }
        return new ReportError(condition, Optional.ofNullable(text));
    }
}
