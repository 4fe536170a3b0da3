import exifr from 'exifr';
import { createHash } from 'node:crypto';

/** The accepted types, recognised by their leading bytes (the client's declared type is not trusted). */
const SIGNATURES: readonly { mime: string; bytes: readonly number[] }[] = [
  { mime: 'image/jpeg', bytes: [0xff, 0xd8, 0xff] },
  { mime: 'image/png', bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { mime: 'application/pdf', bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] },
];

export function sniffType(data: Buffer): string | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => data[i] === b))?.mime ?? null;
}

export interface Inspection {
  mimeType: string;
  sha256: string;
  takenAt: Date | null;
  lng: number | null;
  lat: number | null;
}

interface ExifFields {
  DateTimeOriginal?: string;
  OffsetTimeOriginal?: string;
  latitude?: number;
  longitude?: number;
}

/** EXIF times carry no zone unless OffsetTimeOriginal says so; phones here run on Beijing time. */
function exifTime(fields: ExifFields): Date | null {
  const match = /^(\d{4}):(\d{2}):(\d{2}) (\d{2}):(\d{2}):(\d{2})/.exec(fields.DateTimeOriginal ?? '');
  if (!match) return null;
  const [, y, mo, d, h, mi, s] = match;
  const at = new Date(`${y}-${mo}-${d}T${h}:${mi}:${s}${fields.OffsetTimeOriginal ?? '+08:00'}`);
  return Number.isNaN(at.getTime()) ? null : at;
}

/** Type, SHA-256, and the capture time and place when the photo carries them. */
export async function inspect(data: Buffer, mimeType: string): Promise<Inspection> {
  const sha256 = createHash('sha256').update(data).digest('hex');
  let fields: ExifFields | undefined;
  if (mimeType.startsWith('image/')) {
    fields = (await exifr.parse(data, { gps: true, reviveValues: false, pick: ['DateTimeOriginal', 'OffsetTimeOriginal', 'GPSLatitude', 'GPSLatitudeRef', 'GPSLongitude', 'GPSLongitudeRef'] }).catch(() => undefined)) as ExifFields | undefined;
  }
  return {
    mimeType,
    sha256,
    takenAt: fields ? exifTime(fields) : null,
    lng: typeof fields?.longitude === 'number' ? fields.longitude : null,
    lat: typeof fields?.latitude === 'number' ? fields.latitude : null,
  };
}
