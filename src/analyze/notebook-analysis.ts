// A notebook's findings: its code cells read by the kernel language's analyzer (tree-sitter for
// Python, Ruby and PHP; plain text for the others), its shell cells and `!` lines by the shell
// reader, each finding then moved to the notebook line it is written on. Notebooks are reported,
// never rewritten: a rewrite would have to edit JSON strings, and a notebook is run by hand anyway.
import type { Config, Finding } from '../types.ts';
import { unparsedLanguageOf, type UnparsedLanguage } from '../discover/unparsed-languages.ts';
import { analyzeShellFile } from './detectors/shell.ts';
import { hashComments } from './hash-comments.ts';
import { analyzeUnparsedFile, unparsedComments } from './detectors/unparsed.ts';
import { notebookCode, notebookColumn, notebookLine, type CellLines } from './notebooks.ts';

export interface NotebookAnalysis {
  findings: Finding[];
  secrets: string[];
  comments: Array<{ text: string; line: number; block: boolean }>;
}

const PARSED_LANGUAGES = { '.py': 'python', '.rb': 'ruby', '.php': 'php' } as const;
const SCRIPT_LIKE: UnparsedLanguage = { name: 'JavaScript', comments: ['//', '/*', '*'], trailing: ['//'] };
const NOT_REWRITTEN = { kind: 'not-rewritable', message: 'In a Jupyter notebook: reported, not rewritten. Change the cell by hand.' } as const;

export async function analyzeNotebook(path: string, text: string, config: Config): Promise<NotebookAnalysis> {
  const notebook = notebookCode(text);
  const parsed = notebook.language === 'python' ? 'python' : PARSED_LANGUAGES[notebook.extension as keyof typeof PARSED_LANGUAGES];
  const code = notebook.code.text === ''
    ? { findings: [], secrets: [], comments: [] }
    : parsed
    ? await analyzeParsed(path, notebook.code, parsed, config)
    : analyzeAsText(path, notebook.code, textLanguage(notebook.language, notebook.extension), config);
  const shell = { ...analyzeShellFile(path, notebook.shell.text, config), comments: hashComments(notebook.shell.text) };
  const other = analyzeAsText(path, notebook.other, { name: 'notebook', comments: [] }, config);
  const parts = [[code, notebook.code], [shell, notebook.shell], [other, notebook.other]] as const;
  return {
    findings: parts.flatMap(([analysis, cells]) => moved(analysis.findings, cells, path)),
    secrets: parts.flatMap(([analysis]) => analysis.secrets),
    comments: parts.flatMap(([analysis, cells]) => movedComments(analysis.comments, cells)),
  };
}

async function analyzeParsed(path: string, cells: CellLines, kind: 'python' | 'ruby' | 'php', config: Config): Promise<NotebookAnalysis> {
  const { analyzeOtherLanguage, LanguageParseError } = await import('./languages/index.ts');
  try {
    const analysis = await analyzeOtherLanguage({ path, text: cells.text, kind }, { config });
    // No other file imports a notebook's functions: its wrappers' calls are all in its cells.
    for (const { finding } of analysis.wrappers) finding.notes = finding.notes.filter((note) => note.kind !== 'untraced-requests');
    return analysis;
  } catch (error) {
    if (!(error instanceof LanguageParseError)) throw error;
    throw new LanguageParseError(`${error.message}, in a code cell`, notebookLine(cells, error.line), notebookColumn(cells, error.line, error.column));
  }
}

function analyzeAsText(path: string, cells: CellLines, language: UnparsedLanguage, config: Config): NotebookAnalysis {
  return { ...analyzeUnparsedFile(path, cells.text, config, language), comments: unparsedComments(path, cells.text, language) };
}

/** The kernel's language as the plain-text reader knows it; one it does not know has no comment syntax (every line is read). */
function textLanguage(kernel: string, extension: string | null): UnparsedLanguage {
  if (extension === '.js' || extension === '.ts' || extension === '.mjs') return { ...SCRIPT_LIKE, name: `${SCRIPT_LIKE.name} notebook` };
  const known = extension ? unparsedLanguageOf(`cells${extension}`) : null;
  return known ? { ...known, name: `${known.name} notebook` } : { name: `${kernel} notebook`, comments: [] };
}

function moved(findings: readonly Finding[], cells: CellLines, path: string): Finding[] {
  return findings.map((finding) => ({
    ...finding,
    line: notebookLine(cells, finding.line),
    column: notebookColumn(cells, finding.line, finding.column),
    endLine: notebookLine(cells, finding.endLine),
    endColumn: notebookColumn(cells, finding.endLine, finding.endColumn),
    fixable: false,
    notes: finding.notes.some((n) => n.kind === 'not-rewritable') ? finding.notes : [...finding.notes, { ...NOT_REWRITTEN }],
    trace: finding.trace.map((step) => (step.file === path ? { ...step, line: notebookLine(cells, step.line) } : step)),
  }));
}

function movedComments<T extends { line: number }>(comments: readonly T[], cells: CellLines): T[] {
  return comments.map((comment) => ({ ...comment, line: notebookLine(cells, comment.line) }));
}

