#!/usr/bin/env node
// `npm run fuzz`: builds, then runs the fuzzer's long run (10,000 cases, fixed seed) on
// the pure model and its fixes; arguments go to test/fuzz/cli.ts (--cases, --seed,
// --from, --strict, --save DIR).
import { spawnSync } from 'node:child_process';

const build = spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const run = spawnSync(process.execPath, ['out/test/fuzz/cli.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exit(run.status ?? 1);
