/** A camera photo made ready on the device: resized (longest side 1600 px, JPEG) and, with consent, located. */
const LONGEST = 1600;
const QUALITY = 0.85;
const CONSENT = 'spotcheck.photo-position';

/** Draws the photo on a canvas at most 1600 px on its longest side and encodes it as JPEG. */
export async function resizePhoto(file: Blob): Promise<Blob> {
  const bitmap = await createImageBitmap(file);
  try {
    const scale = Math.min(1, LONGEST / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.max(1, Math.round(bitmap.width * scale));
    canvas.height = Math.max(1, Math.round(bitmap.height * scale));
    const context = canvas.getContext('2d');
    if (!context) throw new Error('no 2d canvas');
    context.drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('encode failed'))), 'image/jpeg', QUALITY));
  } finally {
    bitmap.close();
  }
}

/** The inspector's answer to "record where photos are taken?", remembered on this device; null before asked. */
export function positionConsent(): boolean | null {
  const value = localStorage.getItem(CONSENT);
  return value === 'yes' ? true : value === 'no' ? false : null;
}

export function rememberPositionConsent(yes: boolean): void {
  localStorage.setItem(CONSENT, yes ? 'yes' : 'no');
}

/** The device's position now, or null (refused, unavailable, or no answer within 10 s: the photo is not held back). */
export function currentPosition(): Promise<{ latitude: number; longitude: number; accuracy: number } | null> {
  if (!('geolocation' in navigator)) return Promise.resolve(null);
  return new Promise((resolve) =>
    navigator.geolocation.getCurrentPosition(
      (p) => resolve({ latitude: p.coords.latitude, longitude: p.coords.longitude, accuracy: p.coords.accuracy }),
      () => resolve(null),
      { enableHighAccuracy: true, timeout: 10_000, maximumAge: 60_000 },
    ),
  );
}
