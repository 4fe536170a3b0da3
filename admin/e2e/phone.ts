import type { Page } from 'playwright-core';
import { dump, ExifIFD, GPSIFD, insert } from 'piexifjs';
import { eventually } from './browser';

/** Degrees as EXIF rationals (degrees, minutes, hundredths of seconds). */
function dms(value: number): [number, number][] {
  const degrees = Math.floor(value);
  const minutes = Math.floor((value - degrees) * 60);
  const seconds = Math.round(((value - degrees) * 60 - minutes) * 60 * 100);
  return [[degrees, 1], [minutes, 1], [seconds, 100]];
}

/**
 * A camera-sized photo (2400×1800 JPEG of noise, well over a megabyte) with the EXIF a phone
 * writes: capture time (Beijing wall clock) and GPS. Drawn by the browser, tagged here.
 */
export async function cameraPhoto(page: Page, taken: string, at: { lng: number; lat: number }): Promise<Buffer> {
  const dataUrl = await page.evaluate(() => {
    const canvas = document.createElement('canvas');
    canvas.width = 2400;
    canvas.height = 1800;
    const g = canvas.getContext('2d') as CanvasRenderingContext2D;
    const image = g.createImageData(2400, 1800);
    for (let i = 0; i < image.data.length; i += 4) {
      const v = (i * 2654435761) % 251;
      image.data.set([v, (v * 7) % 256, (v * 13) % 256, 255], i);
    }
    g.putImageData(image, 0, 0);
    return canvas.toDataURL('image/jpeg', 0.95);
  });
  const exif = dump({
    Exif: { [ExifIFD.DateTimeOriginal]: taken },
    GPS: { [GPSIFD.GPSLatitudeRef]: 'N', [GPSIFD.GPSLatitude]: dms(at.lat), [GPSIFD.GPSLongitudeRef]: 'E', [GPSIFD.GPSLongitude]: dms(at.lng) },
  });
  return Buffer.from(insert(exif, dataUrl).split(',')[1], 'base64');
}

/** Nothing on the page is wider than the phone: no sideways scrolling, nothing off-screen. */
export async function expectFitsPhone(page: Page): Promise<void> {
  await eventually(async () => expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390));
}

/** The service worker controls the page and has cached the app (an offline start works from here). */
export async function serviceWorkerReady(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await eventually(async () => expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true));
}
