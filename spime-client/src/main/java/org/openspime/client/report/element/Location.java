package org.openspime.client.report.element;

import java.math.BigDecimal;
import java.util.Objects;
import java.util.Optional;

/**
 * Where a reading was taken: WGS 84 latitude and longitude in decimal degrees, and optionally the elevation in
 * metres above mean sea level (what a GNSS receiver reports). Decimals, not doubles, so the text written is the
 * text read.
 */
public record Location(BigDecimal latitude, BigDecimal longitude, Optional<BigDecimal> elevation) {

    private static final BigDecimal NINETY = BigDecimal.valueOf(90);
    private static final BigDecimal ONE_EIGHTY = BigDecimal.valueOf(180);

    public Location {
        Objects.requireNonNull(latitude, "latitude");
        Objects.requireNonNull(longitude, "longitude");
        Objects.requireNonNull(elevation, "elevation");
        if (latitude.abs().compareTo(NINETY) > 0) {
            throw new IllegalArgumentException("latitude " + latitude.toPlainString() + " is outside [-90, 90]");
        }
        if (longitude.abs().compareTo(ONE_EIGHTY) > 0) {
            throw new IllegalArgumentException("longitude " + longitude.toPlainString() + " is outside [-180, 180]");
        }
    }

    /** From doubles, through their shortest decimal text ({@code 45.4642}, not its binary expansion). */
    public static Location of(double latitude, double longitude) {
        return new Location(BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude), Optional.empty());
    }

    public static Location of(double latitude, double longitude, double elevation) {
        return new Location(BigDecimal.valueOf(latitude), BigDecimal.valueOf(longitude), Optional.of(BigDecimal.valueOf(elevation)));
    }
}
