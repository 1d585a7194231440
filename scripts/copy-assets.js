// tsc emits only code; data files the code loads at run time are copied beside it.
import { cpSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

const assets = ['src/scopes/catalogue.yaml'];
for (const asset of assets) {
  const target = `dist/${asset}`;
  mkdirSync(dirname(target), { recursive: true });
  cpSync(asset, target);
}
