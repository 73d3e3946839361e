package org.openspime.scopenode.http;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.scope.Field;
import org.openspime.scopenode.storage.ReadingPage;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.StoredReading;
import org.openspime.scopenode.storage.TimeRange;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /api/export.csv?from=&to=&spime=&fields=}: every reading of the range as CSV, streamed page by page
 * (keyset pages of {@value #PAGE} readings, each written and flushed before the next is read), so an export of
 * millions of readings holds one page in memory. Columns: time, spime, report, index, latitude, longitude,
 * elevation, then one per field.
 */
final class ExportServlet extends HttpServlet {

    private static final Logger log = LoggerFactory.getLogger(ExportServlet.class);
    static final int PAGE = 5_000;

    private final ReadingStore store;
    private final DataFormat format;
    private final Clock clock;

    ExportServlet(ReadingStore store, DataFormat format, Clock clock) {
        this.store = store;
        this.format = format;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParameters p = new QueryParameters(request, format);
        ReadingQuery query;
        ReadingPage page;
        List<String> fields;
        try {
            TimeRange range = p.range(clock.instant());
            List<String> wanted = p.fields();
            fields = wanted != null ? wanted : format.fields().stream().map(Field::name).toList();
            query = new ReadingQuery(range, p.spime(), fields, PAGE, null);
            page = Pages.fetch(store, query);
        } catch (BadParameterException e) {
            JsonResponses.badParameter(response, e);
            return;
        } catch (StoreException e) {
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database unavailable", null);
            return;
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setContentType("text/csv; charset=utf-8");
        response.setHeader("Content-Disposition", "attachment; filename=\"readings.csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        List<Object> header = new ArrayList<>(List.of("time", "spime", "report", "index", "latitude", "longitude",
                "elevation"));
        header.addAll(fields);
        Csv.record(out, header);
        try {
            while (true) {
                for (StoredReading r : page.readings()) {
                    Csv.record(out, row(r, fields));
                }
                out.flush();
                if (page.nextCursor() == null) {
                    break;
                }
                query = query.next(page);
                page = store.query(query);
            }
        } catch (StoreException e) {
            // The status is sent: failing the request makes Jetty abort the connection without the final chunk,
            // so the client sees a truncated transfer rather than a complete-looking short file.
            log.warn("CSV export cut short: {}", e.getMessage());
            throw new IOException("CSV export cut short: " + e.getMessage(), e);
        }
        out.flush();
    }

    private static List<Object> row(StoredReading r, List<String> fields) {
        List<Object> row = new ArrayList<>(7 + fields.size());
        row.add(r.timestamp());
        row.add(r.spimeId());
        row.add(r.reportId());
        row.add(r.readingIndex());
        row.add(r.location() == null ? null : r.location().latitude());
        row.add(r.location() == null ? null : r.location().longitude());
        row.add(r.location() == null ? null : r.location().elevation());
        for (String f : fields) {
            row.add(r.values().get(f));
        }
        return row;
    }
}
