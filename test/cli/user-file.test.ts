import { describe, expect, it } from 'vitest';
import { writingUserFile } from '../../src/cli/user-file.ts';

describe('writingUserFile', () => {
  it('turns a file system refusal at write time into a usage error naming the flag and the path', async () => {
    const refused = Object.assign(new Error("EACCES: permission denied, open '/ro/x.json.123456'"), { code: 'EACCES' });
    const error = await writingUserFile('--output', '/ro/x.json', () => Promise.reject(refused)).catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'Error', exitCode: 2, message: '--output /ro/x.json: cannot write the file: permission denied' });
    expect(error?.constructor.name).toBe('UsageError');
  });

  it('lets any other failure through as it is', async () => {
    const bug = new TypeError('boom');
    await expect(writingUserFile('--output', 'x', () => Promise.reject(bug))).rejects.toBe(bug);
  });
});
