// The static server sends the precompressed copy a client accepts, and never one older than the
// file (edited after the build); the site's build wrote such copies for every text file and the
// .wasm.
import assert from 'node:assert/strict';
import {
  cpSync,
  existsSync,
  mkdtempSync,
  readFileSync,
  statSync,
  writeFileSync,
  utimesSync,
} from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';
import { root } from './helpers.mjs';
import { siteFiles } from '../../scripts/site-files.mjs';
import { startServer } from '../../scripts/serve.mjs';

const site = join(root, 'build/web');
let dir;
let server;
before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongji-serve-'));
  cpSync(site, dir, { recursive: true, preserveTimestamps: true });
  server = await startServer(dir);
});
after(() => new Promise((done) => server.close(done)));

function get(path, acceptEncoding) {
  return new Promise((resolve, reject) => {
    request(
      {
        host: '127.0.0.1',
        port: server.address().port,
        path,
        headers: acceptEncoding ? { 'Accept-Encoding': acceptEncoding } : {},
      },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ headers: response.headers, body: Buffer.concat(chunks) }),
        );
      },
    )
      .on('error', reject)
      .end();
  });
}

const decode = ({ headers, body }) =>
  headers['content-encoding'] === 'br'
    ? brotliDecompressSync(body)
    : headers['content-encoding'] === 'gzip'
      ? gunzipSync(body)
      : body;

test('every text file and the .wasm has brotli and gzip copies beside it, unless a copy would save nothing; PNG icons do not', () => {
  const files = siteFiles(site);
  let copies = 0;
  for (const file of files.filter((f) =>
    /\.(html|js|mjs|css|json|wasm|webmanifest|txt)$/.test(f),
  )) {
    const size = statSync(join(site, file)).size;
    for (const [suffix, compress] of [
      ['.br', brotliCompressSync],
      ['.gz', (bytes) => gzipSync(bytes, { level: 9 })],
    ]) {
      const saves = compress(readFileSync(join(site, file))).length < size;
      assert.equal(existsSync(join(site, `${file}${suffix}`)), saves, `${file}${suffix}`);
      if (saves) copies += 1;
    }
  }
  assert.ok(copies > 30, `${copies} compressed copies`); // the site is there (scripts bundled)
  assert.ok(files.some((f) => f.endsWith('.png')));
  for (const file of files.filter((f) => f.endsWith('.png')))
    assert.ok(!existsSync(join(site, `${file}.br`)), file);
});

test('brotli when accepted, else gzip, else the file as it is; always the same bytes decoded', async () => {
  const plain = await get('/gongji-core.wasm');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.headers.vary, 'Accept-Encoding');
  const br = await get('/gongji-core.wasm', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.ok(
    br.body.length < plain.body.length / 2,
    `${br.body.length} of ${plain.body.length} bytes`,
  );
  const gz = await get('/gongji-core.wasm', 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.deepEqual(decode(br), plain.body);
  assert.deepEqual(decode(gz), plain.body);
  assert.equal((await get('/', 'br')).headers['content-type'], 'text/html; charset=utf-8');
});

test('a file edited after the build is sent as it now is, not from its stale compressed copy', async () => {
  writeFileSync(join(dir, 'sw.js'), '// edited\n');
  const later = new Date(Date.now() + 5000);
  utimesSync(join(dir, 'sw.js'), later, later);
  const response = await get('/sw.js', 'br, gzip');
  assert.equal(response.headers['content-encoding'], undefined);
  assert.equal(response.body.toString(), '// edited\n');
});

test('the command line: --help prints the usage; a bad port or option is named, never a stack trace', async () => {
  const { serveArguments } = await import('../../scripts/serve.mjs');
  assert.deepEqual(serveArguments(['--help']), { help: true });
  assert.deepEqual(serveArguments([]), { dir: 'build/web', port: 8080 });
  assert.deepEqual(serveArguments(['site', '0']), { dir: 'site', port: 0 });
  assert.match(serveArguments(['site', '99999']).problem, /PORT must be a number from 0 to 65535/);
  assert.match(serveArguments(['site', 'eighty']).problem, /PORT/);
  assert.match(serveArguments(['--port']).problem, /unknown option --port/);
  assert.match(serveArguments(['a', 'b', 'c']).problem, /too many arguments/);
});
