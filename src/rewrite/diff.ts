// Unified diffs of patches, made with the `diff` package and redacted before anyone sees them.
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from 'diff';
import { redactText } from '../redact.ts';
import type { Patch, SecretSet } from '../types.ts';

/** A git-style unified diff of one patch (`git apply` reads it), with every secret redacted. */
export function unifiedDiff(patch: Pick<Patch, 'file' | 'before' | 'after'>, secrets: SecretSet, context = 3): string {
  const body = createTwoFilesPatch(`a/${patch.file}`, `b/${patch.file}`, patch.before, patch.after, '', '', {
    context,
    headerOptions: FILE_HEADERS_ONLY,
  });
  return redactText(`diff --git a/${patch.file} b/${patch.file}\n${body}`, secrets);
}

/** One patch file for many patches, as `fix --patch` writes it. */
export function patchFileText(patches: Patch[], secrets: SecretSet): string {
  return patches
    .filter((p) => p.before !== p.after)
    .map((p) => unifiedDiff(p, secrets))
    .join('');
}
