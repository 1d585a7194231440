import type { TextEdit } from './edits.ts';

/** What one language's rewrite proposes for a file. */
export interface LanguageRewrite {
  edits: TextEdit[];
  changes: Array<{ line: number; summary: string }>;
}
