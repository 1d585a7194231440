// A PHP, Python or Ruby wrapper that other files may call leaves the report incomplete: their calls
// are not followed. Most such wrappers are called from their own file only. Once every file is
// listed, the other files that could call one are searched for its name as a word; where none holds
// it, no other file calls it (a name built at run time aside), and its note goes. Where some do, the
// note names them.
import { readSourceFileSync } from '../discover/read.ts';
import type { DiscoveredFile, FileKind } from '../discover/types.ts';
import type { WrapperReach } from './languages/context.ts';
import { unparsedLanguageOf } from '../discover/unparsed-languages.ts';
import { untracedMessage, type WrapperLanguage } from './languages/wrappers.ts';

/** Kinds whose files may call a wrapper: the languages, notebooks, and templates read as text (`.erb`). */
const CALLING_KINDS: ReadonlySet<FileKind> = new Set(['php', 'python', 'ruby', 'notebook']);
const TEMPLATE = 'HTML or template';
const LANGUAGE: Partial<Record<FileKind, WrapperLanguage>> = { php: 'PHP', python: 'Python', ruby: 'Ruby' };

export function settleWrapperCallers(wrappers: ReadonlyArray<WrapperReach & { kind: FileKind }>, files: readonly DiscoveredFile[], maxFileSize: number): void {
  if (wrappers.length === 0) return;
  const texts = new Map<string, string | null>();
  const textOf = (file: DiscoveredFile): string | null => {
    if (!texts.has(file.path)) {
      const read = readSourceFileSync(file, maxFileSize);
      texts.set(file.path, 'reason' in read ? null : read.text);
    }
    return texts.get(file.path)!;
  };
  // Not every file read as text: a Java or Go file cannot call a PHP function, and a large tree holds many.
  const candidates = files.filter((file) => CALLING_KINDS.has(file.kind) || (file.kind === 'unparsed' && unparsedLanguageOf(baseName(file.path))?.name === TEMPLATE));
  for (const { finding, name, kind } of wrappers) {
    const language = LANGUAGE[kind];
    if (!language) continue;
    // PHP function and method names are case-insensitive.
    const word = new RegExp(`(?<![\\w$])${name.replace(/[$]/g, '\\$&')}(?![\\w$])`, kind === 'php' ? 'i' : '');
    // A file that cannot be read cannot be ruled out.
    const callers = candidates.filter((file) => file.path !== finding.file && (textOf(file) === null || word.test(textOf(file)!))).map((file) => file.path);
    finding.notes = callers.length === 0
      ? finding.notes.filter((note) => note.kind !== 'untraced-requests')
      : finding.notes.map((note) => (note.kind === 'untraced-requests' ? { ...note, message: untracedMessage(name, language, callers) } : note));
  }
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
