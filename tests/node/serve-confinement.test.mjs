// The static server answers only with files inside its root: no encoded `..`, backslash, NUL byte,
// symlink or sibling folder whose name starts with the root's name leads out of it, and the site's
// own files are still served with their type, encoding and headers.
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SECURITY_HEADERS, startServer } from '../../scripts/serve.mjs';

const SECRET = 'SECRET-OUTSIDE-THE-ROOT';
const APP = 'export const answer = 42;\n';
let parent;
let server;

// parent/site is the root; parent/site-secret and parent/outside.txt must never be readable.
before(async () => {
  parent = mkdtempSync(join(tmpdir(), 'gongji-confine-'));
  const site = join(parent, 'site');
  mkdirSync(join(site, 'sub'), { recursive: true });
  mkdirSync(join(parent, 'site-secret'));
  writeFileSync(join(parent, 'site-secret/secret.txt'), SECRET);
  writeFileSync(join(parent, 'outside.txt'), SECRET);
  writeFileSync(join(parent, 'outside.gz'), gzipSync(SECRET));
  writeFileSync(join(site, 'index.html'), '<!doctype html><title>root</title>\n');
  writeFileSync(join(site, 'sub/index.html'), '<!doctype html><title>sub</title>\n');
  writeFileSync(join(site, 'app.js'), APP);
  writeFileSync(join(site, 'app.js.gz'), gzipSync(APP));
  writeFileSync(join(site, 'notes.txt'), 'notes\n');
  symlinkSync('../site-secret', join(site, 'to-secret'));
  symlinkSync('../outside.txt', join(site, 'leak.txt'));
  symlinkSync('../outside.gz', join(site, 'notes.txt.gz')); // a "compressed copy" pointing out
  symlinkSync('app.js', join(site, 'alias.js')); // a symlink that stays inside is fine
  const later = new Date(Date.now() + 5000);
  utimesSync(join(parent, 'outside.gz'), later, later);
  server = await startServer(site);
});
after(async () => {
  await new Promise((done) => server.close(done));
  rmSync(parent, { recursive: true, force: true });
});

// The path goes on the wire exactly as written (Node's client does not normalise it).
function send(path, { method = 'GET', headers = {} } = {}) {
  return new Promise((resolve, reject) => {
    request(
      { host: '127.0.0.1', port: server.address().port, path, method, headers },
      (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({
            status: response.statusCode,
            headers: response.headers,
            body: Buffer.concat(chunks),
          }),
        );
      },
    )
      .on('error', reject)
      .end();
  });
}

const probes = {
  'an encoded slash after ..': '/..%2Fsite-secret/secret.txt',
  'an encoded slash after .. (lower case)': '/..%2fsite-secret%2fsecret.txt',
  'encoded dots and slash': '/%2e%2e%2fsite-secret%2fsecret.txt',
  'encoded dots as a segment': '/%2e%2e/outside.txt',
  'a plain .. segment': '/../outside.txt',
  'a double-encoded slash': '/..%252Fsite-secret/secret.txt',
  'double-encoded dots and slashes': '/%252e%252e%252foutside.txt',
  'an encoded backslash': '/..%5Csite-secret%5Csecret.txt',
  'a raw backslash': '/..\\site-secret\\secret.txt',
  'a plain .. into the sibling folder': '/../site-secret/secret.txt',
  'a NUL byte': '/app.js%00.txt',
  'a NUL byte before ..': '/%00/..%2F..%2Foutside.txt',
  'bad percent-encoding': '/%E0%A4%A/..%2Foutside.txt',
  'a symlinked folder out of the root': '/to-secret/secret.txt',
  'a symlinked file out of the root': '/leak.txt',
  'a very long path': `/${'a/'.repeat(3000)}index.html`,
  'a very long path of ..': `/${'..%2F'.repeat(1000)}outside.txt`,
  'a full URL naming another path': 'http://localhost/..%2Foutside.txt',
};

for (const [what, path] of Object.entries(probes)) {
  test(`${what} gets 400 or 404 and nothing from outside the root`, async () => {
    for (const method of ['GET', 'HEAD']) {
      const answer = await send(path, { method });
      assert.ok([400, 404].includes(answer.status), `${method} ${path}: ${answer.status}`);
      assert.ok(!answer.body.toString('latin1').includes(SECRET), `${method} ${path} leaked`);
    }
    const ranged = await send(path, { headers: { Range: 'bytes=0-5' } });
    assert.ok([400, 404].includes(ranged.status), `Range ${path}: ${ranged.status}`);
    assert.ok(!ranged.body.toString('latin1').includes(SECRET.slice(0, 6)));
  });
}

test('a compressed copy that is a symlink out of the root is never sent', async () => {
  const answer = await send('/notes.txt', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(answer.status, 200);
  assert.equal(answer.headers['content-encoding'], undefined);
  assert.equal(answer.body.toString(), 'notes\n');
});

test('the site is still served: index pages, types, the gzip copy and the documented headers', async () => {
  const index = await send('/');
  assert.equal(index.status, 200);
  assert.equal(index.headers['content-type'], 'text/html; charset=utf-8');
  assert.match(index.body.toString(), /<title>root<\/title>/);
  assert.match((await send('/sub/')).body.toString(), /<title>sub<\/title>/);
  assert.match((await send('/sub')).body.toString(), /<title>sub<\/title>/);
  assert.match((await send('/index.html?x=1#top')).body.toString(), /<title>root<\/title>/);

  const app = await send('/app.js', { headers: { 'Accept-Encoding': 'gzip' } });
  assert.equal(app.status, 200);
  assert.equal(app.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(app.headers['content-encoding'], 'gzip');
  assert.equal(gunzipSync(app.body).toString(), APP);
  assert.equal(app.headers['cache-control'], 'no-cache');
  assert.equal(app.headers['access-control-allow-origin'], '*');
  assert.equal(app.headers.vary, 'Accept-Encoding');
  for (const [name, value] of Object.entries(SECURITY_HEADERS))
    assert.equal(app.headers[name.toLowerCase()], value, name);

  assert.equal((await send('/alias.js')).body.toString(), APP);
  assert.equal((await send('/missing.js')).status, 404);
  assert.equal((await send('/app.js', { method: 'POST' })).status, 405);
});

test('HEAD gives the headers and length of GET without a body; a Range request gets the whole file', async () => {
  const head = await send('/app.js', { method: 'HEAD' });
  assert.equal(head.status, 200);
  assert.equal(head.headers['content-type'], 'text/javascript; charset=utf-8');
  assert.equal(Number(head.headers['content-length']), Buffer.byteLength(APP));
  assert.equal(head.body.length, 0);
  const ranged = await send('/app.js', { headers: { Range: 'bytes=0-5' } });
  assert.equal(ranged.status, 200);
  assert.equal(ranged.headers['accept-ranges'], 'none');
  assert.equal(ranged.body.toString(), APP);
});
