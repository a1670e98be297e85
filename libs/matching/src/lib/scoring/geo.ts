/** A point on the map (degrees). */
export interface GeoPoint {
  lat: number;
  lng: number;
}

const EARTH_RADIUS_KM = 6371;

/** Great-circle distance in km (haversine). */
export function straightLineKm(a: GeoPoint, b: GeoPoint): number {
  const rad = (d: number) => (d * Math.PI) / 180;
  const dLat = rad(b.lat - a.lat);
  const dLng = rad(b.lng - a.lng);
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(rad(a.lat)) * Math.cos(rad(b.lat)) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Road distance estimated from coordinates: the straight line times a detour factor. 1.33 is what the region shows
 * (Białystok – Alytus: about 150 km in a straight line, about 200 km by road; shared/domain/clusters.md).
 */
export const ROAD_DETOUR_FACTOR = 1.33;

export function roadKm(a: GeoPoint, b: GeoPoint): number {
  return straightLineKm(a, b) * ROAD_DETOUR_FACTOR;
}
