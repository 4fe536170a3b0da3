// The part of piexifjs (MIT, untyped) the phone tests use to give a photo its camera EXIF.
declare module 'piexifjs' {
  type Rational = [number, number];
  type IfdValue = string | number | Rational | Rational[];
  interface ExifDict {
    Exif?: Record<number, IfdValue>;
    GPS?: Record<number, IfdValue>;
  }
  export function dump(exif: ExifDict): string;
  export function insert(exif: string, jpeg: string): string;
  export const ExifIFD: { DateTimeOriginal: number };
  export const GPSIFD: { GPSLatitudeRef: number; GPSLatitude: number; GPSLongitudeRef: number; GPSLongitude: number };
}
