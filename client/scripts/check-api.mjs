// Regenerates the API types into a temporary file and fails when they differ from the committed
// src/api/schema.d.ts, so that a changed API document cannot go unnoticed by the client.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const apiUrl = (process.env.CW_API_URL || 'http://127.0.0.1:5090').replace(/\/$/, '');
const source = `${apiUrl}/swagger/v1/swagger.json`;
const committed = join(root, 'src/api/schema.d.ts');
const dir = mkdtempSync(join(tmpdir(), 'cw-schema-'));
const fresh = join(dir, 'schema.d.ts');

try {
  execFileSync(join(root, 'node_modules/.bin/openapi-typescript'), [source, '-o', fresh], { stdio: ['ignore', 'ignore', 'inherit'] });
} catch {
  console.error(`check:api: could not generate types from ${source} (is the API running? set CW_API_URL).`);
  rmSync(dir, { recursive: true, force: true });
  process.exit(2);
}

const normalise = (text) => text.replace(/\r\n/g, '\n').trimEnd();
const same = normalise(readFileSync(committed, 'utf8')) === normalise(readFileSync(fresh, 'utf8'));
rmSync(dir, { recursive: true, force: true });
if (!same) {
  console.error(
    `check:api: src/api/schema.d.ts is out of date with ${source}.\n` +
      'Run `npm run gen:api` (with CW_API_URL pointing at the host) and commit the result.',
  );
  process.exit(1);
}
console.log(`check:api: src/api/schema.d.ts matches ${source}.`);
