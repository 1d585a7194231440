import { describe, expect, it } from 'vitest';
import { escapeData, escapeProperty, githubStepSummary, reporter } from '../../src/report/formats/github.ts';
import { redactReport } from '../../src/redact.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { PLANTED_SECRET, finding, plantedSecrets, reportWithPlantedSecret, sampleReport } from './sample-report.ts';

interface Command {
  level: string;
  props: Record<string, string>;
  message: string;
}

const unescape = (text: string) =>
  text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%3A/g, ':').replace(/%2C/g, ',').replace(/%25/g, '%');

/** Reads workflow commands back the way the Actions runner splits them. */
function parseCommands(output: string): Command[] {
  return output
    .split('\n')
    .filter((line) => line.startsWith('::'))
    .map((line) => {
      const match = /^::(\w+) ([^:]*)::(.*)$/.exec(line);
      if (!match) throw new Error(`not a workflow command: ${line}`);
      const props = Object.fromEntries(
        match[2].split(',').map((pair) => {
          const eq = pair.indexOf('=');
          return [pair.slice(0, eq), unescape(pair.slice(eq + 1))];
        }),
      );
      return { level: match[1], props, message: unescape(match[3]) };
    });
}

describe('github reporter', () => {
  it('writes one annotation per finding that parses back to its location and rule', () => {
    const commands = parseCommands(reporter.render(sampleReport(), { color: false })).filter(
      (c) => c.props.title !== 'parse-error',
    );
    expect(commands).toHaveLength(7);
    const orders = commands.find((c) => c.props.file === 'src/jobs/order-sync.ts' && c.props.line === '12')!;
    expect(orders).toEqual({
      level: 'error',
      props: { file: 'src/jobs/order-sync.ts', line: '12', col: '21', endLine: '14', endColumn: '4', title: 'legacy-api-call' },
      message:
        'fetch sends basic auth to store-abc123.mybigcommerce.com/api/v2/orders (GET /v2/orders; scope: Orders: read-only (store_v2_orders_read_only))',
    });
  });

  it('escapes separators in properties and line breaks in messages, and they round-trip', () => {
    const report = sampleReport();
    report.findings = [finding({ file: 'src/a,b:c%.ts', message: 'line one\r\nline two 100%' })];
    const [command] = parseCommands(reporter.render(report, { color: false }));
    expect(command.props.file).toBe('src/a,b:c%.ts');
    expect(command.message.startsWith('line one\r\nline two 100%')).toBe(true);
  });

  it('escapes as the Actions toolkit does', () => {
    expect(escapeData('50% a\r\nb')).toBe('50%25 a%0D%0Ab');
    expect(escapeProperty('a:b,c')).toBe('a%3Ab%2Cc');
  });

  it('uses warning for rules whose default severity is warning', () => {
    const report = sampleReport();
    report.findings = [finding({ rule: 'unused-suppression', endpoint: null, method: null, scope: null })];
    expect(parseCommands(reporter.render(report, { color: false }))[0].level).toBe('warning');
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});

describe('githubStepSummary', () => {
  it('is Markdown with the scope checklist and what needs a human', () => {
    const summary = githubStepSummary(sampleReport());
    expect(summary).toContain('- [ ] **Products: modify** (`store_v2_products`)');
    expect(summary).toContain('### Needs a human');
  });

  it('never shows a planted secret', () => {
    expect(githubStepSummary(reportWithPlantedSecret())).toContain(PLANTED_SECRET);
    expect(githubStepSummary(redactReport(reportWithPlantedSecret(), plantedSecrets()))).not.toContain(PLANTED_SECRET);
  });
});
