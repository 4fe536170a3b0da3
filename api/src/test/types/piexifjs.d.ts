// The part of piexifjs (MIT, untyped) the tests use to build photos with EXIF.
declare module 'piexifjs' {
  type Rational = [number, number];
  type IfdValue = string | number | Rational | Rational[];
  interface ExifDict {
    '0th'?: Record<number, IfdValue>;
    Exif?: Record<number, IfdValue>;
    GPS?: Record<number, IfdValue>;
  }
  export function dump(exif: ExifDict): string;
  export const ExifIFD: { DateTimeOriginal: number; OffsetTimeOriginal: number };
  export const GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number };
}
