// Output file names for the production build, safe to register as ASP.NET Core static web assets.
// The host's build takes each file's trailing "-<hash>" as its fingerprint (see the Api project) and keys the asset by
// the rest of the path, compared ignoring case. So the part before the hash must be unique ignoring case, whatever
// chunks the pages produce: names are lower-cased, and a repeated name gets a counter ("index", "index_2").

/** The bundler's content hash, as the host's inference expression expects it: 8 URL-safe characters. */
export const hashPattern = '[hash:8]';
const hashed = /^(?<stem>.+)-[A-Za-z0-9_-]{8}(?<ext>\.[^./]+)$/;

interface ChunkLike {
  name: string;
  facadeModuleId?: string | null;
}

interface AssetLike {
  names?: readonly string[];
  name?: string;
  originalFileNames?: readonly string[];
}

function slug(raw: string): string {
  return (
    raw
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '') || 'file'
  );
}

export function outputNames() {
  const taken = new Map<string, number>();
  const byFacade = new Map<string, string>();
  const byAsset = new Map<string, string>();

  function unique(stem: string, ext: string): string {
    const key = `${stem}${ext}`;
    const count = (taken.get(key) ?? 0) + 1;
    taken.set(key, count);
    return count === 1 ? stem : `${stem}_${count}`;
  }

  return {
    reset() {
      taken.clear();
      byFacade.clear();
      byAsset.clear();
    },
    chunk(chunk: ChunkLike): string {
      const known = chunk.facadeModuleId ? byFacade.get(chunk.facadeModuleId) : undefined;
      if (known) return known;
      const name = `assets/${unique(slug(chunk.name), '.js')}-${hashPattern}.js`;
      if (chunk.facadeModuleId) byFacade.set(chunk.facadeModuleId, name);
      return name;
    },
    asset(asset: AssetLike): string {
      // Vite asks for a CSS file's name twice (with a placeholder, then with the real content): the same asset, named
      // by what it comes from, keeps its name. Two different assets from one source would end up differing only by
      // their hash, which the build then refuses (vite.config.ts).
      const key = [(asset.names ?? [asset.name]).join(','), (asset.originalFileNames ?? []).join(',')].join('|');
      const known = byAsset.get(key);
      if (known) return known;
      const original = asset.names?.[0] ?? asset.name ?? 'asset';
      const dot = original.lastIndexOf('.');
      const ext = dot > 0 ? slug(original.slice(dot + 1)) : 'bin';
      const stem = slug(dot > 0 ? original.slice(0, dot) : original);
      const name = `assets/${unique(stem, `.${ext}`)}-${hashPattern}.${ext}`;
      byAsset.set(key, name);
      return name;
    },
    /** Two output files whose names differ only by the hash or by letter case, or undefined. */
    findClash(fileNames: readonly string[]): [string, string] | undefined {
      const seen = new Map<string, string>();
      for (const file of fileNames) {
        const match = hashed.exec(file);
        const key = (match?.groups ? `${match.groups.stem}${match.groups.ext}` : file).toLowerCase();
        const other = seen.get(key);
        if (other) return [other, file];
        seen.set(key, file);
      }
      return undefined;
    },
  };
}
