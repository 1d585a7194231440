// tsc emits only code; data files the code loads at run time are put beside it. The scope
// catalogue is also written out as JSON, which loads far faster than YAML on every run.
import { createHash } from 'node:crypto';
import { cpSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';

const catalogue = 'src/scopes/catalogue.yaml';
mkdirSync(dirname(`dist/${catalogue}`), { recursive: true });
cpSync(catalogue, `dist/${catalogue}`);
writeFileSync('dist/src/scopes/catalogue.json', JSON.stringify(parse(readFileSync(catalogue, 'utf8'))));

// A digest of the built code: the scan cache (src/analyze/cache.ts) trusts what it remembers only
// from this very build, since a change in any detector can change a verdict.
const hash = createHash('sha256');
for (const file of readdirSync('dist/src', { recursive: true }).map(String).filter((f) => f.endsWith('.js') || f.endsWith('.json')).sort()) {
  hash.update(file).update('\0').update(readFileSync(`dist/src/${file}`)).update('\0');
}
writeFileSync('dist/src/build-id.txt', `${hash.digest('hex')}\n`);
