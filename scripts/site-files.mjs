// The files of the assembled site, as paths relative to it ('/'-separated, sorted), without the
// precompressed copies (NAME.br, NAME.gz) that scripts/precompress.mjs writes beside them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const COMPRESSED_SUFFIXES = ['.br', '.gz'];

export function siteFiles(dir, prefix = '') {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      if (COMPRESSED_SUFFIXES.some((suffix) => name.endsWith(suffix))) return [];
      const path = join(dir, name);
      return statSync(path).isDirectory()
        ? siteFiles(path, `${prefix}${name}/`)
        : [`${prefix}${name}`];
    });
}
