export interface Position {
  lng: number;
  lat: number;
  /** Metres, as the phone reports it. */
  accuracy: number;
}

/** The phone's position (GPS where it has one); null when refused, unavailable or too slow. */
export function currentPosition(timeoutMs = 15_000): Promise<Position | null> {
  if (typeof navigator === 'undefined' || !navigator.geolocation) return Promise.resolve(null);
  return new Promise((resolve) => {
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ lng: Number(p.coords.longitude.toFixed(6)), lat: Number(p.coords.latitude.toFixed(6)), accuracy: Math.round(p.coords.accuracy) }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: timeoutMs, maximumAge: 60_000 },
    );
  });
}
