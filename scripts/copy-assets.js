// tsc emits only code; data files the code loads at run time are put beside it. The scope
// catalogue is also written out as JSON, which loads far faster than YAML on every run.
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { parse } from 'yaml';

const catalogue = 'src/scopes/catalogue.yaml';
mkdirSync(dirname(`dist/${catalogue}`), { recursive: true });
cpSync(catalogue, `dist/${catalogue}`);
writeFileSync('dist/src/scopes/catalogue.json', JSON.stringify(parse(readFileSync(catalogue, 'utf8'))));
