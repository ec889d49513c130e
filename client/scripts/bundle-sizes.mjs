// Sizes of the built client (client/dist): what index.html loads before the sign-in page shows, what the workspace
// loads after sign-in (the workspace chunk and everything it imports statically), and the largest lazy chunks.
// Usage: npm run build && node scripts/bundle-sizes.mjs  (prints Markdown tables; docs/client.md keeps the last run).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';

const dist = new URL('../dist/', import.meta.url).pathname;
const assets = join(dist, 'assets');
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const files = readdirSync(assets).filter((f) => f.endsWith('.js') || f.endsWith('.css'));

const sizes = new Map(
  files.map((f) => {
    const bytes = readFileSync(join(assets, f));
    return [f, { raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length, brotli: brotliCompressSync(bytes).length }];
  }),
);

/** The chunks a JS chunk imports statically (`import … from"./x.js"`, `import"./x.js"`), not `import("./x.js")`. */
function staticImports(file) {
  const text = readFileSync(join(assets, file), 'utf8');
  const found = new Set();
  for (const m of text.matchAll(/(?:import|export)\s*(?:[^'"()]*?from\s*)?["']\.\/([^"']+\.js)["']/g)) found.add(m[1]);
  return [...found];
}

function closure(roots) {
  const seen = new Set();
  const walk = (f) => {
    if (seen.has(f) || !sizes.has(f)) return;
    seen.add(f);
    if (f.endsWith('.js')) staticImports(f).forEach(walk);
  };
  roots.forEach(walk);
  return seen;
}

const referenced = [...html.matchAll(/(?:src|href)="\/assets\/([^"]+)"/g)].map((m) => m[1]);
const firstLoad = closure(referenced);
const workspaceRoot = files.find((f) => /^workspace-.*\.js$/.test(f));
const afterSignIn = new Set([...closure(workspaceRoot ? [workspaceRoot] : [])].filter((f) => !firstLoad.has(f)));
const kb = (n) => (n / 1024).toFixed(1);
const total = (set, kind) => [...set].reduce((s, f) => s + sizes.get(f)[kind], 0);

function table(title, list) {
  console.log(`\n${title}\n\n| file | gzip KB | brotli KB | raw KB |\n|---|---:|---:|---:|`);
  for (const f of list) {
    const s = sizes.get(f);
    console.log(`| \`${f.replace(/-[\w-]{8}\./, '-*.')}\` | ${kb(s.gzip)} | ${kb(s.brotli)} | ${kb(s.raw)} |`);
  }
}

const byGzip = (a, b) => sizes.get(b).gzip - sizes.get(a).gzip;
console.log(`First load (index.html and what it loads before the sign-in page shows): ${firstLoad.size} files, ` +
  `${kb(total(firstLoad, 'gzip'))} KB gzip, ${kb(total(firstLoad, 'brotli'))} KB brotli, ${kb(total(firstLoad, 'raw'))} KB raw.`);
console.log(`After sign-in (the workspace and its static imports): ${afterSignIn.size} files, ` +
  `${kb(total(afterSignIn, 'gzip'))} KB gzip, ${kb(total(afterSignIn, 'brotli'))} KB brotli, ${kb(total(afterSignIn, 'raw'))} KB raw.`);
table('First load', [...firstLoad].sort(byGzip));
const lazy = files.filter((f) => f.endsWith('.js') && !firstLoad.has(f) && !afterSignIn.has(f)).sort(byGzip);
table('Largest chunks loaded after sign-in (workspace and its static imports)', [...afterSignIn].sort(byGzip).slice(0, 6));
table('Largest lazy chunks (a page or a chart, loaded when first opened)', lazy.slice(0, 10));
