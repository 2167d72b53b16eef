// A plain static file server for build/web, without dependencies:
// `node scripts/serve.mjs [DIR] [PORT]`.
// Sends the precompressed copy (NAME.br / NAME.gz) a browser accepts, as a production host would.
// Also used by the browser tests, which import startServer().
import { createServer } from 'node:http';
import { readFile, realpath, stat } from 'node:fs/promises';
import { realpathSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
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

// No file of the site has a path this long; a longer one is a probe, not a page.
const MAX_PATH_LENGTH = 1024;

// The request's path as segments of a file under the root, or null when it cannot name one: bad
// percent-encoding, a NUL byte, a backslash (a separator on Windows), a `.` or `..` segment after
// decoding (an encoded `%2F..` survives the URL parser's own dot-segment removal), or a probe's
// length.
export function siteSegments(requestUrl) {
  let path;
  try {
    const pathname = new URL(requestUrl, 'http://localhost').pathname;
    if (pathname.length > MAX_PATH_LENGTH) return null;
    path = decodeURIComponent(pathname);
  } catch {
    return null;
  }
  if (/[\0\\]/.test(path)) return null;
  const segments = path.split('/').filter((segment) => segment !== '');
  if (segments.some((segment) => segment === '.' || segment === '..')) return null;
  return segments;
}

// True when `file` is the root or lies under it: the root plus a separator, so a sibling whose name
// starts with the root's name (`site-secret` beside `site`) is outside.
const isWithin = (root, file) => file === root || file.startsWith(root + sep);

// The real file a request names, following symlinks only where they stay inside the root; null
// otherwise.
async function siteFile(root, segments) {
  let file = join(root, ...segments);
  if (!isWithin(root, file)) return null;
  if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
  const real = await realpath(file).catch(() => null);
  if (!real || !isWithin(root, real) || !(await stat(real)).isFile()) return null;
  return real;
}

// A copy older than its original (the file was edited after the build) is never sent, nor a copy
// that is a symlink out of the root.
async function precompressed(root, file, acceptEncoding = '') {
  const accepted = new Set(
    acceptEncoding.split(',').map((part) => part.split(';')[0].trim().toLowerCase()),
  );
  const original = await stat(file);
  for (const [encoding, suffix] of Object.entries(ENCODINGS)) {
    if (!accepted.has(encoding)) continue;
    const real = await realpath(`${file}.${suffix}`).catch(() => null);
    if (!real || !isWithin(root, real)) continue;
    const copy = await stat(real);
    if (copy.isFile() && copy.mtimeMs >= original.mtimeMs) return { encoding, path: real };
  }
  return null;
}

const plain = (response, status, text, method) =>
  response
    .writeHead(status, {
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': Buffer.byteLength(text),
      ...SECURITY_HEADERS,
    })
    .end(method === 'HEAD' ? undefined : text);

export function startServer(dir, port = 0, host = '127.0.0.1') {
  const root = realpathSync(resolve(dir));
  const server = createServer(async (request, response) => {
    try {
      if (request.method !== 'GET' && request.method !== 'HEAD') {
        response.writeHead(405, { Allow: 'GET, HEAD' }).end();
        return;
      }
      const segments = siteSegments(request.url);
      if (!segments) return plain(response, 400, 'bad request', request.method);
      const file = await siteFile(root, segments);
      if (!file) return plain(response, 404, 'not found', request.method);
      const copy = await precompressed(root, file, request.headers['accept-encoding']);
      const body = await readFile(copy ? copy.path : file);
      // A Range header is ignored (RFC 9110 allows it): every file is small and sent whole.
      response.writeHead(200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Content-Length': body.length,
        'Cache-Control': 'no-cache',
        'Accept-Ranges': 'none',
        Vary: 'Accept-Encoding',
        // Public static files: other sites may load the widget's modules, .wasm and rules (no
        // cookies or credentials are involved, so any origin may read them).
        'Access-Control-Allow-Origin': '*',
        ...(copy && { 'Content-Encoding': copy.encoding }),
        ...SECURITY_HEADERS,
      });
      response.end(request.method === 'HEAD' ? undefined : body);
    } catch {
      if (!response.headersSent) plain(response, 404, 'not found', request.method);
      else response.destroy();
    }
  });
  return new Promise((done, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => done(server));
  });
}

const USAGE = `usage: node scripts/serve.mjs [DIR] [PORT]
  DIR   the built site (default build/web)
  PORT  0 to 65535 (default 8080; 0 picks a free one)`;

// The command line as a directory and a port, or the reason it cannot be one.
export function serveArguments(args) {
  if (args.some((arg) => arg === '--help' || arg === '-h')) return { help: true };
  if (args.length > 2) return { problem: 'too many arguments' };
  const [dir = 'build/web', portText = '8080'] = args;
  if (dir.startsWith('-')) return { problem: `unknown option ${dir}` };
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : NaN;
  if (!(port <= 65535))
    return { problem: `PORT must be a number from 0 to 65535, not ${portText}` };
  return { dir, port };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const { help, problem, dir, port } = serveArguments(process.argv.slice(2));
  if (help || problem) {
    if (problem) console.error(`serve.mjs: ${problem}`);
    console[problem ? 'error' : 'log'](USAGE);
    process.exit(problem ? 2 : 0);
  }
  let server;
  try {
    server = await startServer(dir, port, 'localhost');
  } catch (error) {
    // A missing directory or a port in use: said in one line, not as a stack trace.
    console.error(`serve.mjs: cannot serve ${dir} on port ${port}: ${error.code ?? error.message}`);
    process.exit(1);
  }
  console.log(`Gongji is served at http://localhost:${server.address().port}/ (Ctrl+C to stop)`);
}
