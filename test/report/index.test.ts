import { describe, expect, it } from 'vitest';
import { UnknownFormatError, getReporter, renderReport, reporterNames, reporters } from '../../src/report/index.ts';
import { PLANTED_SECRET, plantedSecrets, reportWithPlantedSecret } from './sample-report.ts';

describe('reporter registry', () => {
  it('registers every format under its own name', () => {
    expect(reporterNames).toEqual(['text', 'json', 'markdown', 'sarif', 'github', 'junit', 'gitlab']);
    for (const name of reporterNames) expect(reporters[name].name).toBe(name);
  });

  it('returns the reporter for a known name', () => {
    expect(getReporter('sarif')).toBe(reporters.sarif);
  });

  it('throws a typed error listing the valid names for an unknown one', () => {
    expect(() => getReporter('xml')).toThrow(UnknownFormatError);
    expect(() => getReporter('xml')).toThrow('Valid formats: text, json, markdown, sarif, github, junit, gitlab.');
  });

  it('limits the choice to the formats a command allows', () => {
    const scanFormats = ['text', 'json', 'markdown'];
    expect(getReporter('json', scanFormats)).toBe(reporters.json);
    try {
      getReporter('sarif', scanFormats);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(UnknownFormatError);
      expect((error as UnknownFormatError).validNames).toEqual(scanFormats);
    }
  });

  it('does not treat inherited object keys as formats', () => {
    expect(() => getReporter('toString')).toThrow(UnknownFormatError);
  });

  it('redacts before rendering in every format', () => {
    for (const name of reporterNames) {
      const out = renderReport(reportWithPlantedSecret(), plantedSecrets(), name, { color: false });
      expect(out).not.toContain(PLANTED_SECRET);
    }
  });
});
