// Readers for the CI formats, so the e2e tests can check what CI systems will see.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Ajv2020 } from 'ajv/dist/2020.js';
import formats from 'ajv-formats';
import { XMLParser, XMLValidator } from 'fast-xml-parser';

const require = createRequire(import.meta.url);
const ajv = new Ajv2020({ allErrors: true, strict: false });
// ajv-formats is CommonJS: under NodeNext its default import is the module, whose `default` is the plugin.
formats.default(ajv);
const sarifSchema = JSON.parse(readFileSync(require.resolve('@microsoft/sarif-multitool-linux/sarif-2.1.0.json'), 'utf8'));
const validateSarifSchema = ajv.compile(sarifSchema);

/** The schema errors of a SARIF log, as readable lines; empty when it is valid SARIF 2.1.0. */
export function sarifSchemaErrors(log: unknown): string[] {
  if (validateSarifSchema(log)) return [];
  return (validateSarifSchema.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
}

export interface WorkflowCommand {
  command: string;
  properties: Record<string, string>;
  message: string;
}

/** Undoes GitHub's workflow-command escaping (`%25`, `%0D`, `%0A`, and in properties `%3A`, `%2C`). */
function unescapeData(text: string): string {
  return text.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}

function unescapeProperty(text: string): string {
  return unescapeData(text.replace(/%3A/g, ':').replace(/%2C/g, ','));
}

/** Parses `::error file=a,line=1::message` lines back; other lines are left out. */
export function parseWorkflowCommands(output: string): WorkflowCommand[] {
  const commands: WorkflowCommand[] = [];
  for (const line of output.split('\n')) {
    const match = /^::([a-z-]+)(?: ([^:]*))?::(.*)$/.exec(line);
    if (!match) continue;
    const properties: Record<string, string> = {};
    for (const pair of (match[2] ?? '').split(',').filter(Boolean)) {
      const eq = pair.indexOf('=');
      if (eq <= 0) throw new Error(`malformed property '${pair}' in: ${line}`);
      properties[pair.slice(0, eq)] = unescapeProperty(pair.slice(eq + 1));
    }
    commands.push({ command: match[1], properties, message: unescapeData(match[3]) });
  }
  return commands;
}

export interface JUnitCase {
  name: string;
  failures: Array<{ type: string; message: string }>;
}

/** True, or the parser's description of why the XML is not well-formed. */
export function junitWellFormed(xml: string): true | string {
  const result = XMLValidator.validate(xml);
  return result === true ? true : `${result.err.code}: ${result.err.msg} (line ${result.err.line})`;
}

export function junitCases(xml: string): JUnitCase[] {
  const parser = new XMLParser({
    ignoreAttributes: false,
    attributeNamePrefix: '',
    isArray: (name) => ['testsuite', 'testcase', 'failure'].includes(name),
  });
  const doc = parser.parse(xml) as { testsuites: { testsuite: Array<{ testcase?: Array<Record<string, unknown>> }> } };
  return doc.testsuites.testsuite.flatMap((suite) =>
    (suite.testcase ?? []).map((tc) => ({
      name: String(tc.name),
      failures: ((tc.failure as Array<Record<string, string>> | undefined) ?? []).map((f) => ({ type: f.type, message: f.message })),
    })),
  );
}
