// Compiles every TypeScript source under apps/, libs/ and bench/ to CommonJS in dist/ with swc.
// Keeps decorator metadata (Nest DI needs it) and rewrites the @kooperant/* path aliases to relative requires,
// so that `node dist/apps/gateway/src/main.js` runs with no loader. Type checking is `npm run typecheck` (tsc).
import { transformFile } from '@swc/core';
import { mkdir, readdir, writeFile, rm, copyFile } from 'node:fs/promises';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist');
const base = JSON.parse(await (await import('node:fs/promises')).readFile(join(root, 'tsconfig.base.json'), 'utf8'));
const paths = base.compilerOptions.paths;
const TEST = /\.(spec|int-spec|e2e-spec)\.ts$/;
const COPY = /\.(sql|tsv|json|gql)$/;

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const e of entries) {
    if (e.name === 'node_modules' || e.name === 'dist') continue;
    const p = join(dir, e.name);
    if (e.isDirectory()) yield* walk(p);
    else yield p;
  }
}

const swcOptions = (file) => ({
  filename: file,
  sourceMaps: true,
  module: { type: 'commonjs', strict: true, ignoreDynamic: true },
  jsc: {
    target: 'es2022',
    baseUrl: root,
    paths,
    keepClassNames: true,
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
  },
});

const started = Date.now();
await rm(out, { recursive: true, force: true });
let count = 0;
const jobs = [];
for (const top of ['apps', 'libs', 'bench']) {
  for await (const file of walk(join(root, top))) {
    const rel = relative(root, file);
    const target = join(out, rel);
    if (file.endsWith('.ts') && !file.endsWith('.d.ts') && !TEST.test(file)) {
      jobs.push(
        (async () => {
          const { code, map } = await transformFile(file, swcOptions(file));
          const js = target.replace(/\.ts$/, '.js');
          await mkdir(dirname(js), { recursive: true });
          await writeFile(js, code + `\n//# sourceMappingURL=${js.split('/').pop()}.map\n`);
          if (map) await writeFile(js + '.map', map);
          count++;
        })(),
      );
    } else if (COPY.test(file) && !file.endsWith('project.json') && !file.includes('tsconfig')) {
      jobs.push(mkdir(dirname(target), { recursive: true }).then(() => copyFile(file, target)));
    }
  }
}
await Promise.all(jobs);
console.log(`build: ${count} files compiled to dist/ in ${Date.now() - started} ms`);
