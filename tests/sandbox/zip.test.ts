import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createZip } from '../../src/publish/zip.ts';

describe('zip writer (the exercise download)', () => {
  it('writes an archive that a standard tool extracts byte for byte', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ec2lab-zip-'));
    try {
      const files = { 'README.md': '# Olá, instância ✓\n', 'launch/tests/launch.test.ts': 'x'.repeat(5000), 'empty.txt': '' };
      const zip = createZip(Object.entries(files).map(([p, content]) => ({ path: p, content })));
      writeFileSync(path.join(dir, 'a.zip'), zip);
      // python3's zipfile checks CRCs while extracting (testzip) and is on every machine here.
      const script = 'import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); assert z.testzip() is None; z.extractall(sys.argv[2]); print(len(z.namelist()))';
      expect(execFileSync('python3', ['-c', script, path.join(dir, 'a.zip'), path.join(dir, 'out')], { encoding: 'utf8' }).trim()).toBe('3');
      for (const [p, content] of Object.entries(files)) expect(readFileSync(path.join(dir, 'out', p), 'utf8')).toBe(content);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('gives the same bytes for the same files', () => {
    const entries = [{ path: 'a.txt', content: 'same' }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });
});
