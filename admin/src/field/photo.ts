import imageCompression from 'browser-image-compression';

/**
 * A phone photo is 3-8 MB; the field network is not. Resized to 1600 px and about 400 kB
 * before it is queued, keeping the EXIF time and GPS the API reads as evidence.
 */
export async function shrinkPhoto(file: File): Promise<Blob> {
  if (!file.type.startsWith('image/') || (file.size < 300_000 && /^image\/(jpeg|png)$/.test(file.type))) return file;
  try {
    return await imageCompression(file, { maxWidthOrHeight: 1600, maxSizeMB: 0.4, preserveExif: true, useWebWorker: false, fileType: 'image/jpeg' });
  } catch {
    // A format the browser cannot decode: send the original rather than nothing.
    return file;
  }
}
