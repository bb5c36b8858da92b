// Bundles bench/galley-entry.ts (Galley's model and the server's LSP translations)
// into bench/.build/galley.cjs, with the repository's esbuild, and returns the module.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
export const repo = join(here, '..');

export async function loadGalley() {
  const esbuild = await import(createRequire(join(repo, 'package.json')).resolve('esbuild'));
  const outfile = join(here, '.build', 'galley.cjs');
  await esbuild.build({
    entryPoints: [join(here, 'galley-entry.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node18',
    logLevel: 'warning',
  });
  return createRequire(import.meta.url)(outfile);
}
