import { dump, ExifIFD, GPSIFD } from 'piexifjs';

/** Degrees as EXIF rationals (degrees, minutes, hundredths of seconds). */
function dms(value: number): [number, number][] {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  return [[degrees, 1], [minutes, 1], [seconds, 100]];
}

/**
 * A JPEG as a phone camera writes it as far as evidence handling cares: the SOI marker and an
 * EXIF segment with capture time (Beijing wall clock) and GPS. No pixels are needed.
 */
export function phonePhoto(taken: string, at: { lng: number; lat: number }): Buffer {
  const body = Buffer.from(
    dump({
      Exif: { [ExifIFD.DateTimeOriginal]: taken },
      GPS: { [GPSIFD.GPSLatitudeRef]: 'N', [GPSIFD.GPSLatitude]: dms(at.lat), [GPSIFD.GPSLongitudeRef]: 'E', [GPSIFD.GPSLongitude]: dms(at.lng) },
    }),
    'binary',
  );
  const length = Buffer.alloc(2);
  length.writeUInt16BE(body.length + 2);
  return Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe1]), length, body, Buffer.from([0xff, 0xd9])]);
}
