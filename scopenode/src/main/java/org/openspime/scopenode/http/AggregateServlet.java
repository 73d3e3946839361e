package org.openspime.scopenode.http;

import com.fasterxml.jackson.core.JsonGenerator;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.openspime.scopenode.scope.DataFormat;
import org.openspime.scopenode.storage.Bucket;
import org.openspime.scopenode.storage.ReadingStore;
import org.openspime.scopenode.storage.StoreException;
import org.openspime.scopenode.storage.TimeRange;

/**
 * {@code GET /api/aggregate?from=&to=&field=&bucket=PT1M&spime=}: per time bucket (aligned to the epoch) the count
 * and, for numeric fields, min, max and mean of one field, for charts. Buckets without a value are left out.
 */
final class AggregateServlet extends HttpServlet {

    private final ReadingStore store;
    private final DataFormat format;
    private final Clock clock;

    AggregateServlet(ReadingStore store, DataFormat format, Clock clock) {
        this.store = store;
        this.format = format;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        QueryParameters p = new QueryParameters(request, format);
        List<Bucket> buckets;
        String field;
        Duration bucket;
        try {
            TimeRange range = p.range(clock.instant());
            field = p.field();
            bucket = p.bucket(range);
            buckets = store.aggregate(range, bucket, field, p.spime());
        } catch (BadParameterException e) {
            JsonResponses.badParameter(response, e);
            return;
        } catch (StoreException e) {
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, "database unavailable", null);
            return;
        }
        try (JsonGenerator json = JsonResponses.start(response, HttpServletResponse.SC_OK)) {
            json.writeStartObject();
            json.writeStringField("field", field);
            json.writeStringField("bucket", bucket.toString());
            json.writeArrayFieldStart("buckets");
            for (Bucket b : buckets) {
                json.writeStartObject();
                json.writeStringField("start", b.start().toString());
                json.writeNumberField("count", b.count());
                if (b.min() != null) {
                    json.writeNumberField("min", b.min());
                    json.writeNumberField("max", b.max());
                    json.writeNumberField("avg", b.avg());
                }
                json.writeEndObject();
            }
            json.writeEndArray();
            json.writeEndObject();
        }
    }
}
