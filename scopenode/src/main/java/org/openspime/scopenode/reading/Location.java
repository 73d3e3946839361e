package org.openspime.scopenode.reading;

/**
 * Where a reading was taken: WGS 84 latitude and longitude in degrees, elevation in metres (may be null).
 */
public record Location(double latitude, double longitude, Double elevation) {
    public Location {
        if (!(latitude >= -90 && latitude <= 90)) {
            throw new IllegalArgumentException("latitude out of [-90, 90]: " + latitude);
        }
        if (!(longitude >= -180 && longitude <= 180)) {
            throw new IllegalArgumentException("longitude out of [-180, 180]: " + longitude);
        }
        if (elevation != null && !Double.isFinite(elevation)) {
            throw new IllegalArgumentException("elevation is not a finite number: " + elevation);
        }
    }
}
