// JUnit XML: one test case per file with findings (a failure per finding), one per file that failed to
// parse. `failures` counts failing test cases, as the JUnit schema defines it.
import type { Finding, Report } from '../../types.ts';
import type { Reporter } from '../reporter.ts';
import { describeFindingCall, groupFindingsByFile } from '../shared.ts';

/** Characters XML 1.0 cannot carry at all, even escaped. */
const INVALID_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function escapeXml(text: string): string {
  return text
    .replace(INVALID_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/** Attribute values also keep their line breaks, which parsers would otherwise normalize to spaces. */
function attr(text: string | number): string {
  return escapeXml(String(text)).replace(/\n/g, '&#10;').replace(/\r/g, '&#13;').replace(/\t/g, '&#9;');
}

const SUITE = 'bc-oauth-migrate';

function failure(report: Report, f: Finding): string {
  const details = [
    `${f.file}:${f.line}:${f.column}`,
    ...(describeFindingCall(report, f) ? [describeFindingCall(report, f)] : []),
    `confidence: ${f.confidence}`,
    ...f.notes.map((n) => `note (${n.kind}): ${n.message}`),
    ...(f.snippet ? ['', f.snippet] : []),
  ].join('\n');
  return `      <failure type="${attr(f.rule)}" message="${attr(f.message)}">${escapeXml(details)}</failure>`;
}

function testcase(name: string, body: string[]): string {
  const open = `    <testcase classname="${SUITE}" name="${attr(name)}" file="${attr(name)}"`;
  return body.length === 0 ? `${open}/>` : [`${open}>`, ...body, '    </testcase>'].join('\n');
}

function render(report: Report): string {
  const cases: string[] = [];
  let failures = 0;
  for (const [file, findings] of groupFindingsByFile(report)) {
    failures += 1;
    cases.push(testcase(file, findings.map((f) => failure(report, f))));
  }
  for (const e of report.errors) {
    cases.push(testcase(e.file, [`      <error type="parse-error" message="${attr(e.message)}"/>`]));
  }
  if (cases.length === 0) cases.push(testcase('no legacy API usage', []));
  const counts = `tests="${cases.length}" failures="${failures}" errors="${report.errors.length}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${SUITE}" ${counts}>`,
    `  <testsuite name="${SUITE}" ${counts} skipped="0">`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

export const reporter: Reporter = { name: 'junit', render };
