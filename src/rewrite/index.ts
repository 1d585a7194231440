// The rewrite stage: scan result in, patches out; a diff for people; a safe writer for the disk.
export { planRewrites, previewChange, rewriteJsFile, type ChangePreview, type PlanOptions, type RewritePlan } from './plan.ts';
export { patchFileText, unifiedDiff } from './diff.ts';
export { writePatches, type WriteOptions, type WriteOutcome } from './writer.ts';
export { DirtyTreeError, WriteError } from './errors.ts';
