// What the sign-in page downloads before it can render: the scripts and styles index.html loads
// (entry + modulepreloads), compressed the way the API sends them: the .br/.gz file the build
// wrote beside an asset (vite-plugin-compression2, served by express-static-gzip), else what the
// compression middleware makes per request (Brotli quality 4, gzip level 6). Deterministic for a
// build, so a test can bound it.
// Usage: node scripts/wire-bytes.mjs [--json] [distDir]
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

/** The files index.html fetches before anything renders (same-origin scripts and styles). */
export function signInFiles(dist) {
  const html = readFileSync(path.join(dist, 'index.html'), 'utf8');
  const refs = [...html.matchAll(/<(?:script[^>]*\ssrc|link[^>]*rel="(?:modulepreload|stylesheet)"[^>]*\shref)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  return [...new Set(refs)];
}

export function compressedSizes(dist, files) {
  let raw = 0;
  let br = 0;
  let gzip = 0;
  for (const file of files) {
    const body = readFileSync(path.join(dist, file));
    raw += body.length;
    const beside = (suffix) => (existsSync(path.join(dist, file + suffix)) ? statSync(path.join(dist, file + suffix)).size : null);
    br += beside('.br') ?? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } }).length;
    gzip += beside('.gz') ?? zlib.gzipSync(body, { level: 6 }).length;
  }
  return { files: files.length, raw, br, gzip };
}

export function signInBytes(dist) {
  return compressedSizes(dist, signInFiles(dist));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const dist = path.resolve(args.find((a) => a !== '--json') ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..', 'dist'));
  const kB = (n) => `${(n / 1024).toFixed(1)} kB`;
  const files = signInFiles(dist);
  const sizes = compressedSizes(dist, files);
  if (json) {
    console.log(JSON.stringify({ ...sizes, paths: files }));
    process.exit(0);
  }
  console.log(`before sign-in: ${sizes.files} files, ${kB(sizes.raw)} raw, ${kB(sizes.br)} brotli, ${kB(sizes.gzip)} gzip`);
  for (const file of files) console.log(`  ${file}`);
}
