// A legacy API URL written in a PHP, Python or Ruby string that none of the library detectors here
// reported: Ruby's Net::HTTP, Python's urllib, an HTTParty call whose auth is set elsewhere, a client
// or helper this tool does not know. Reported so that no legacy call goes unseen (and `check` does
// not pass while one remains), never rewritten. Only a store host's /api/v2 counts: on any other
// host the path alone does not say BigCommerce. A string on a line a finding already covers is
// that finding's, and so is a base URL (no resource after /api/v2) in a file with findings: the
// detectors read base URLs (HTTParty's base_uri, Faraday's url:) without always naming their line.
import type { Node } from 'web-tree-sitter';
import type { Collector, LanguageFile } from './context.ts';
import { judgeUrl } from './evidence.ts';
import type { LanguageKind } from './parser.ts';
import { reportAt, step } from './report.ts';
import { lineOf } from './syntax.ts';
import { withoutUserinfo } from '../url.ts';

const STRING_TYPES: Record<LanguageKind, string[]> = {
  php: ['string', 'encapsed_string'],
  python: ['string'],
  ruby: ['string'],
};

/** A URL on a store host with /api/v2 in its path, up to the closing quote or interpolation. */
const STORE_API_URL = /https?:\/\/(?:[^\s'"/@]*@)?[a-z0-9-]+(?:\.[a-z0-9-]+)*\.mybigcommerce\.com(?::\d+)?\/api\/v2(?=[/?#.'"\s]|$)[^\s'"#{}$]*/gi;

export function reportUnclaimedUrls(file: LanguageFile, out: Collector, kind: LanguageKind): void {
  const covered = coveredLines(file, out);
  const fileHasFindings = out.findings.length > 0;
  for (const node of file.root.descendantsOfType(STRING_TYPES[kind])) {
    if (!node || covered.has(lineOf(node)) || insideAnotherString(node, STRING_TYPES[kind])) continue;
    for (const match of node.text.matchAll(STORE_API_URL)) {
      const evidence = judgeUrl([{ text: withoutUserinfo(match[0], out.secrets) }], file.config);
      if (!evidence.legacy || (evidence.endpoint === null && fileHasFindings)) continue;
      reportAt(file, out, node, {
        rule: 'legacy-api-call',
        client: 'unknown-client',
        confidence: 'medium',
        host: evidence.host,
        method: null,
        endpoint: evidence.endpoint,
        fixable: false,
        message:
          `A legacy API URL (${evidence.shown}) is used here, but not by a client this tool knows, so the request's method and auth are not known. ` +
          'Move the request to https://api.bigcommerce.com/stores/{store_hash}/v2/... with an X-Auth-Token header by hand.',
        notes: [...evidence.notes, { kind: 'not-rewritable', message: 'Not a client this tool knows: the call is reported, not rewritten.' }],
        trace: [step(file, 'path', node, `URL: ${evidence.shown}`)],
      });
      break;
    }
  }
}

/** The lines a finding of this file already stands for: its own span and the steps of its trace here. */
function coveredLines(file: LanguageFile, out: Collector): Set<number> {
  const lines = new Set<number>();
  for (const finding of out.findings) {
    for (let line = finding.line; line <= finding.endLine; line++) lines.add(line);
    for (const s of finding.trace) if (s.file === file.path) lines.add(s.line);
  }
  return lines;
}

/** PHP's encapsed strings and Python's f-strings nest string nodes: read the outermost only. */
function insideAnotherString(node: Node, types: readonly string[]): boolean {
  for (let parent = node.parent; parent; parent = parent.parent) if (types.includes(parent.type)) return true;
  return false;
}
