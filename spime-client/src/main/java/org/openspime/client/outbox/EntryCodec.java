package org.openspime.client.outbox;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.zip.CRC32;
import org.openspime.certification.Jid;
import org.openspime.client.report.ReportRefusedException;
import org.openspime.client.report.codec.DataCodec;
import org.openspime.client.report.codec.EnvelopeCodec;
import org.openspime.client.report.element.Report;
import org.openspime.client.report.element.ReportEnvelope;
import org.openspime.client.report.element.ReportId;
import org.openspime.client.report.xmpp.ReportProviders;

/**
 * One outbox entry as bytes: {@code OSPO}, a version byte, eight length-prefixed fields (report id, SNID, SpimeID,
 * created, attempts, next attempt, the data document bytes, the envelope XML) and a CRC-32 of all that. The report is
 * kept as its data document and the envelope as its wire XML, so what is resent is what was sealed, byte for byte.
 */
final class EntryCodec {

    private static final byte[] MAGIC = {'O', 'S', 'P', 'O'};
    private static final int VERSION = 1;
    private static final int MAX_FIELD = 64 * 1024 * 1024;

    private EntryCodec() {
    }

    static byte[] write(PendingReport p) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(4096);
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.write(MAGIC);
            out.writeByte(VERSION);
            text(out, p.id().value());
            text(out, p.snid().toString());
            text(out, p.report().spimeId().toString());
            text(out, p.created().toString());
            text(out, Integer.toString(p.attempts()));
            text(out, p.nextAttempt().toString());
            field(out, DataCodec.toBytes(p.report()));
            text(out, EnvelopeCodec.toXml(p.envelope()));
            CRC32 crc = new CRC32();
            crc.update(bytes.toByteArray());
            out.writeInt((int) crc.getValue());
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory cannot fail", e);
        }
        return bytes.toByteArray();
    }

    static PendingReport read(byte[] entry) throws CorruptEntryException {
        if (entry.length < MAGIC.length + 1 + 4 || !Arrays.equals(entry, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            throw new CorruptEntryException("not an outbox entry (no OSPO header)");
        }
        CRC32 crc = new CRC32();
        crc.update(entry, 0, entry.length - 4);
        int stored = ((entry[entry.length - 4] & 0xFF) << 24) | ((entry[entry.length - 3] & 0xFF) << 16)
                | ((entry[entry.length - 2] & 0xFF) << 8) | (entry[entry.length - 1] & 0xFF);
        if (stored != (int) crc.getValue()) {
            throw new CorruptEntryException("checksum mismatch (torn or altered entry)");
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(entry, MAGIC.length, entry.length - MAGIC.length - 4))) {
            int version = in.readUnsignedByte();
            if (version != VERSION) {
                throw new CorruptEntryException("entry version " + version + " is not " + VERSION);
            }
            ReportId id = ReportId.of(text(in));
            Jid snid = Jid.of(text(in));
            Jid spimeId = Jid.of(text(in));
            Instant created = Instant.parse(text(in));
            int attempts = Integer.parseInt(text(in));
            Instant next = Instant.parse(text(in));
            Report report = DataCodec.parse(field(in), id, spimeId, ReportProviders.PARSE_CEILING);
            ReportEnvelope envelope = EnvelopeCodec.parse(text(in), ReportProviders.PARSE_CEILING);
            return new PendingReport(report, snid, envelope, created, attempts, next);
        } catch (EOFException e) {
            throw new CorruptEntryException("entry ends early", e);
        } catch (IOException | ReportRefusedException | RuntimeException e) {
            throw new CorruptEntryException("entry does not read: " + e.getMessage(), e);
        }
    }

    private static void text(DataOutputStream out, String text) throws IOException {
        field(out, text.getBytes(StandardCharsets.UTF_8));
    }

    private static void field(DataOutputStream out, byte[] bytes) throws IOException {
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static String text(DataInputStream in) throws IOException {
        return new String(field(in), StandardCharsets.UTF_8);
    }

    private static byte[] field(DataInputStream in) throws IOException {
        int n = in.readInt();
        if (n < 0 || n > MAX_FIELD) {
            throw new CorruptEntryException("field length " + n + " is out of range");
        }
        byte[] bytes = in.readNBytes(n);
        if (bytes.length != n) {
            throw new EOFException("field of " + n + " bytes is cut short");
        }
        return bytes;
    }
}
