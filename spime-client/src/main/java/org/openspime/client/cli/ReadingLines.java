package org.openspime.client.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.openspime.client.report.element.Location;
import org.openspime.client.report.element.Reading;
import org.openspime.client.report.element.Value;
import org.openspime.client.report.element.ValueType;

/**
 * Readings as JSON lines, one reading per line (blank lines and lines starting with {@code #} are skipped):
 * <pre>{@code
 * {"time":"2025-03-01T12:00:00Z","location":{"lat":45.4642,"lon":9.19,"elevation":122.5},
 *  "values":{"co2":{"value":415,"unit":"ppm"},"temperature":{"value":21.75,"unit":"Cel"},"ok":{"value":true}}}
 * }</pre>
 * {@code time} (RFC 3339 / XEP-0082) defaults to now; {@code location} is optional; each value is a JSON number
 * (integer if it has no fraction, else decimal with the digits as written), boolean or string, or a string with an
 * explicit {@code "type"} ({@code decimal}, {@code integer}, {@code boolean}, {@code text}) to keep an exact form such
 * as {@code "415.20"}. A line that does not read fails the whole input with its line number: nothing is sent.
 */
public final class ReadingLines {

    /** Numbers as written: {@code 21.50} stays 21.50 (the scale is part of a decimal value, docs/protocol-report.md). */
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .disable(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES)
            .build();

    private ReadingLines() {
    }

    public static List<Reading> read(BufferedReader in, Clock clock) throws IOException, ReadingFormatException {
        List<Reading> readings = new ArrayList<>();
        String line;
        int number = 0;
        while ((line = in.readLine()) != null) {
            number++;
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            try {
                readings.add(reading(JSON.readTree(trimmed), clock));
            } catch (JsonProcessingException e) {
                throw new ReadingFormatException("line " + number + ": not JSON: " + e.getOriginalMessage());
            } catch (IllegalArgumentException e) {
                throw new ReadingFormatException("line " + number + ": " + e.getMessage());
            }
        }
        return readings;
    }

    private static Reading reading(JsonNode node, Clock clock) {
        if (!node.isObject()) {
            throw new IllegalArgumentException("a reading is a JSON object with \"values\"");
        }
        Instant time = node.hasNonNull("time") ? time(node.get("time")) : clock.instant();
        Optional<Location> location = node.hasNonNull("location") ? Optional.of(location(node.get("location"))) : Optional.empty();
        JsonNode values = node.get("values");
        if (values == null || !values.isObject() || values.isEmpty()) {
            throw new IllegalArgumentException("\"values\" must be an object with at least one value");
        }
        List<Value> list = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = values.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            list.add(value(field.getKey(), field.getValue()));
        }
        return new Reading(time, location, list);
    }

    private static Instant time(JsonNode node) {
        try {
            return OffsetDateTime.parse(node.asText()).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("\"time\" '" + node.asText() + "' is not a date-time such as 2025-03-01T12:00:00Z");
        }
    }

    private static Location location(JsonNode node) {
        if (!node.path("lat").isNumber() || !node.path("lon").isNumber()) {
            throw new IllegalArgumentException("\"location\" needs numeric \"lat\" and \"lon\"");
        }
        JsonNode elevation = node.get("elevation");
        if (elevation != null && !elevation.isNumber()) {
            throw new IllegalArgumentException("\"elevation\" must be a number of metres");
        }
        return new Location(node.get("lat").decimalValue(), node.get("lon").decimalValue(),
                elevation == null ? Optional.empty() : Optional.of(elevation.decimalValue()));
    }

    private static Value value(String name, JsonNode node) {
        if (!node.isObject() || !node.has("value")) {
            throw new IllegalArgumentException("value '" + name + "' must be an object with \"value\" (and optional \"unit\", \"type\")");
        }
        JsonNode v = node.get("value");
        String unit = node.hasNonNull("unit") ? node.get("unit").asText() : null;
        if (node.hasNonNull("type")) {
            ValueType type = ValueType.fromWireName(node.get("type").asText());
            return Value.parse(name, type, v.isNumber() ? plain(v) : v.asText(), unit);
        }
        if (v.isIntegralNumber()) {
            return Value.parse(name, ValueType.INTEGER, v.bigIntegerValue().toString(), unit);
        }
        if (v.isNumber()) {
            return Value.decimal(name, plain(v), unit);
        }
        if (v.isBoolean()) {
            return Value.bool(name, v.booleanValue());
        }
        if (v.isTextual()) {
            return Value.text(name, v.textValue());
        }
        throw new IllegalArgumentException("value '" + name + "' is neither a number, a boolean nor a string");
    }

    private static String plain(JsonNode number) {
        BigDecimal d = number.decimalValue();
        return d.toPlainString();
    }
}
