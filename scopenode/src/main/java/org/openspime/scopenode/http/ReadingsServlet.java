package org.openspime.scopenode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Map;
import org.openspime.scopenode.reading.Location;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.storage.ReadingPage;
import org.openspime.scopenode.storage.ReadingQuery;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.StoredReading;
import org.openspime.scopenode.storage.TimeRange;

/**
 * {@code GET /api/readings?from=&to=&spime=&fields=&limit=&after=}: one page of readings in time order, as JSON,
 * with {@code next} the cursor to pass as {@code after} for the following page (null on the last one).
 */
final class ReadingsServlet extends HttpServlet {

    private final ReadingStore store;
    private final DataFormat format;
    private final Clock clock;

    ReadingsServlet(ReadingStore store, DataFormat format, Clock clock) {
        this.store = store;
        this.format = format;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParameters p = new QueryParameters(request, format);
        ReadingPage page;
        try {
            TimeRange range = p.range(clock.instant());
            page = Pages.fetch(store, new ReadingQuery(range, p.spime(), p.fields(), p.limit(), p.after()));
        } catch (BadParameterException e) {
            JsonResponses.badParameter(response, e);
            return;
        } catch (StoreException e) {
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database unavailable", null);
            return;
        }
        try (JsonGenerator json = JsonResponses.start(response, HttpServletResponse.SC_OK)) {
            json.writeStartObject();
            json.writeArrayFieldStart("readings");
            for (StoredReading r : page.readings()) {
                write(json, r);
            }
            json.writeEndArray();
            json.writeStringField("next", page.nextCursor());
            json.writeEndObject();
        }
    }

    private static void write(JsonGenerator json, StoredReading r) throws IOException {
        json.writeStartObject();
        json.writeStringField("time", r.timestamp().toString());
        json.writeStringField("spime", r.spimeId());
        json.writeStringField("report", r.reportId());
        json.writeNumberField("index", r.readingIndex());
        json.writeStringField("received", r.receivedAt().toString());
        Location l = r.location();
        if (l != null) {
            json.writeObjectFieldStart("location");
            json.writeNumberField("lat", l.latitude());
            json.writeNumberField("lon", l.longitude());
            if (l.elevation() != null) {
                json.writeNumberField("elevation", l.elevation());
            }
            json.writeEndObject();
        }
        json.writeObjectFieldStart("values");
        for (Map.Entry<String, Object> v : r.values().entrySet()) {
            json.writeFieldName(v.getKey());
            Object value = v.getValue();
            if (value instanceof Double d) {
                json.writeNumber(d);
            } else if (value instanceof Long n) {
                json.writeNumber(n);
            } else if (value instanceof Boolean b) {
                json.writeBoolean(b);
            } else {
                json.writeString(String.valueOf(value));
            }
        }
        json.writeEndObject();
        json.writeEndObject();
    }
}
