package org.openspime.client.report.codec;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.openspime.certification.Jid;
import org.openspime.client.report.InvalidValueException;
import org.openspime.client.report.MalformedReportException;
import org.openspime.client.report.MissingPartException;
import org.openspime.client.report.OversizedReportException;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.element.ReportNamespace;
import org.openspime.client.report.element.Value;
import org.openspime.client.report.element.ValueType;

/**
 * The data document, the bytes a transport carries (plain, or encrypted):
 * {@code <data xmlns='urn:openspime:report:1' scope='…'><reading time='…'><location lat='…' lon='…'
 * elevation='…'/><value name='…' type='…' unit='…'>text</value>…</reading>…</data>}, UTF-8, no XML declaration.
 *
 * <p>It travels as bytes (base64 in the envelope), never as inline XML: gates and XMPP libraries re-serialize the
 * XML they route (quotes, namespace prefixes, whitespace), and the signature is over exact bytes. The report id
 * and the sender are not repeated inside: they are in the envelope, signed and bound into the ciphertext.
 */
public final class DataCodec {

    static final String DATA = "data";
    static final String READING = "reading";
    static final String LOCATION = "location";
    static final String VALUE = "value";

    private DataCodec() {
    }

    public static byte[] toBytes(Report report) {
        XmlOut out = new XmlOut().open(DATA, ReportNamespace.NS).attr("scope", report.scope());
        for (Reading reading : report.readings()) {
            out.open(READING).attr("time", ReadingTime.format(reading.time()));
            reading.location().ifPresent(l -> {
                out.open(LOCATION).attr("lat", l.latitude().toPlainString()).attr("lon", l.longitude().toPlainString());
                l.elevation().ifPresent(e -> out.attr("elevation", e.toPlainString()));
                out.close(LOCATION);
            });
            for (Value value : reading.values()) {
                out.open(VALUE).attr("name", value.name()).attr("type", value.type().wireName());
                value.unit().ifPresent(u -> out.attr("unit", u));
                out.text(value.lexical()).close(VALUE);
            }
            out.close(READING);
        }
        return out.close(DATA).xml().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Reads a data document sent by {@code spimeId} under {@code id} (both taken from the envelope).
     *
     * @throws OversizedReportException past {@code limits}, checked before and while reading
     */
    public static Report parse(byte[] data, ReportId id, Jid spimeId, ReportLimits limits) throws MalformedReportException, OversizedReportException {
        if (data.length > limits.maxPayloadBytes()) {
            throw new OversizedReportException("data document of " + data.length + " bytes exceeds " + limits.maxPayloadBytes());
        }
        XmlIn in = XmlIn.ofUtf8(data);
        in.expect(ReportNamespace.NS, DATA);
        String scope = in.required("scope");
        List<Reading> readings = new ArrayList<>();
        int values = 0;
        while (in.nextChild()) {
            if (!in.at(ReportNamespace.NS, READING)) {
                in.skip();
                continue;
            }
            if (readings.size() == limits.maxReadings()) {
                throw new OversizedReportException("report " + id + " holds more than " + limits.maxReadings() + " readings");
            }
            Reading reading = readReading(in, limits.maxValues() - values);
            values += reading.values().size();
            readings.add(reading);
        }
        in.expectEnd();
        if (readings.isEmpty()) {
            throw new MissingPartException("<data/> of report " + id + " holds no <reading/>");
        }
        try {
            return new Report(id, spimeId, scope, readings);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("report " + id + ": " + e.getMessage(), e);
        }
    }

    private static Reading readReading(XmlIn in, int valuesLeft) throws MalformedReportException, OversizedReportException {
        Instant time = in.convert("time", in.required("time"), ReadingTime::parse);
        Location location = null;
        List<Value> values = new ArrayList<>();
        while (in.nextChild()) {
            if (in.at(ReportNamespace.NS, LOCATION)) {
                if (location != null) {
                    throw new MissingPartException("<reading time='" + ReadingTime.format(time) + "'/> holds two <location/>s");
                }
                location = readLocation(in);
            } else if (in.at(ReportNamespace.NS, VALUE)) {
                if (values.size() == valuesLeft) {
                    throw new OversizedReportException("report holds more values than the limit");
                }
                values.add(readValue(in));
            } else {
                in.skip();
            }
        }
        if (values.isEmpty()) {
            throw new MissingPartException("<reading time='" + ReadingTime.format(time) + "'/> holds no <value/>");
        }
        try {
            return new Reading(time, Optional.ofNullable(location), values);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException(e.getMessage(), e);
        }
    }

    private static Location readLocation(XmlIn in) throws MalformedReportException {
        BigDecimal lat = in.convert("lat", in.required("lat"), DataCodec::decimal);
        BigDecimal lon = in.convert("lon", in.required("lon"), DataCodec::decimal);
        String elevation = in.optional("elevation");
        Optional<BigDecimal> ele = elevation == null ? Optional.empty() : Optional.of(in.convert("elevation", elevation, DataCodec::decimal));
        in.skip();
        try {
            return new Location(lat, lon, ele);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("<location/>: " + e.getMessage(), e);
        }
    }

    private static Value readValue(XmlIn in) throws MalformedReportException {
        String name = in.required("name");
        ValueType type = in.convert("type", in.required("type"), ValueType::fromWireName);
        String unit = in.optional("unit");
        String text = in.text();
        try {
            return Value.parse(name, type, text, unit);
        } catch (IllegalArgumentException e) {
            throw new InvalidValueException("<value name='" + name + "'/>: " + e.getMessage(), e);
        }
    }

    private static BigDecimal decimal(String text) {
        return (BigDecimal) ValueType.DECIMAL.parse(text);
    }
}
