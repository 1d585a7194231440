import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import { reporter } from '../../src/report/formats/junit.ts';
import { expectPlantedSecretHidden } from './planted.ts';
import { emptyReport, finding, sampleReport } from './sample-report.ts';

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testcase', 'failure', 'error'].includes(name) });

interface Case {
  name: string;
  failure?: { type: string; message: string }[];
  error?: { type: string; message: string }[];
}

function suite(xml: string) {
  return parser.parse(xml).testsuites.testsuite as Record<string, string> & { testcase: Case[] };
}

describe('junit reporter', () => {
  const xml = reporter.render(sampleReport(), { color: false });

  it('is well-formed XML', () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it('has one test case per file with findings, one failure per finding, and an error case per parse error', () => {
    const s = suite(xml);
    const failing = s.testcase.filter((c) => c.failure);
    expect(failing.map((c) => c.name)).toEqual([
      '.env.example', 'public/js/cart.js', 'src/jobs/order-sync.ts', 'src/jobs/product-updater.ts', 'src/lib/bc.ts',
    ]);
    expect(failing.flatMap((c) => c.failure!)).toHaveLength(7);
    expect(s.testcase.find((c) => c.error)?.name).toBe('src/broken.ts');
    expect(s).toMatchObject({ tests: '6', failures: '5', errors: '1' });
  });

  it('types each failure with its rule and gives the message', () => {
    const orders = suite(xml).testcase.find((c) => c.name === 'src/jobs/order-sync.ts')!;
    expect(orders.failure![0]).toMatchObject({
      type: 'legacy-api-call',
      message: 'fetch sends basic auth to store-abc123.mybigcommerce.com/api/v2/orders',
    });
  });

  it('writes one passing test case when there is nothing to report', () => {
    const clean = reporter.render(emptyReport(), { color: false });
    expect(XMLValidator.validate(clean)).toBe(true);
    const s = suite(clean);
    expect(s.testcase).toHaveLength(1);
    expect(s.testcase[0].failure).toBeUndefined();
    expect(s).toMatchObject({ tests: '1', failures: '0' });
  });

  it('escapes markup and drops characters XML cannot hold', () => {
    const report = sampleReport();
    report.findings = [finding({ file: 'src/<a>&"b".ts', message: `x < y && "q" 'r' \u0001 ]]>`, snippet: '</failure><x>' })];
    const out = reporter.render(report, { color: false });
    expect(XMLValidator.validate(out)).toBe(true);
    expect(suite(out).testcase[0].name).toBe('src/<a>&"b".ts');
    expect(out).not.toContain('\u0001');
  });

  it('never shows a planted secret', () => {
    expectPlantedSecretHidden(reporter);
  });
});
