// A plain static file server for build/web (no dependencies): `node scripts/serve.mjs [DIR] [PORT]`.
// Sends the precompressed copy (NAME.br / NAME.gz) a browser accepts, as a production host would.
// Also used by the browser tests, which import startServer().
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.webmanifest': 'application/manifest+json',
  '.ts': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

export const SECURITY_HEADERS = {
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

// The precompressed copies scripts/precompress.mjs writes, in order of preference.
const ENCODINGS = { br: 'br', gzip: 'gz' };

// A copy older than its original (the file was edited after the build) is never sent.
async function precompressed(file, acceptEncoding = '') {
  const accepted = new Set(
    acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase()),
  );
  const original = await stat(file);
  for (const [encoding, suffix] of Object.entries(ENCODINGS)) {
    if (!accepted.has(encoding)) continue;
    const copy = await stat(`${file}.${suffix}`).catch(() => null);
    if (copy?.isFile() && copy.mtimeMs >= original.mtimeMs) return encoding;
  }
  return null;
}

export function startServer(dir, port = 0, host = '127.0.0.1') {
  const root = resolve(dir);
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const path = decodeURIComponent(new URL(request.url, 'http://localhost').pathname);
      let file = normalize(join(root, path));
      if (!file.startsWith(root)) {
        response.writeHead(403).end();
        return;
      }
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const encoding = await precompressed(file, request.headers['accept-encoding']);
      const body = await readFile(encoding ? `${file}.${ENCODINGS[encoding]}` : file);
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': 'no-cache',
        Vary: 'Accept-Encoding',
        // Public static files: other sites may load the widget's modules, .wasm and rules (no cookies
        // or credentials are involved, so any origin may read them).
        'Access-Control-Allow-Origin': '*',
        ...(encoding && { 'Content-Encoding': encoding }),
        ...SECURITY_HEADERS,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
    }
  });
  return new Promise((done) => server.listen(port, host, () => done(server)));
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2] ?? 'build/web';
  const port = Number(process.argv[3] ?? 8080);
  const server = await startServer(dir, port, 'localhost');
  console.log(`Gongji is served at http://localhost:${server.address().port}/ (Ctrl+C to stop)`);
}
