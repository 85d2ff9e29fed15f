// The model must run in Node, a WebContainer and the browser: no Node built-ins, no DOM, no SDK at run time.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const dir = fileURLToPath(new URL('../../src/mini-ec2/', import.meta.url));
// The model proper: the top folder, resources/, disk/ and ssm/ (protocol/ and server/ serve it over HTTP, generated/ is types).
const MODEL_FOLDERS = ['', 'resources/', 'disk/', 'disk/shell/', 'ssm/'].filter((f) => f === '' || existsSync(dir + f));
const files = MODEL_FOLDERS.flatMap((folder) => readdirSync(dir + folder).filter((f) => f.endsWith('.ts')).map((f) => folder + f));

describe('portability of src/mini-ec2', () => {
  test('the model has at least the files of its design', () => {
    for (const f of [
      'ids.ts', 'clock.ts', 'errors.ts', 'filters.ts', 'catalog.ts', 'input-parser.ts', 'request-shapes.ts', 'sdk-shapes.ts', 'events.ts',
      'state.ts', 'waiters.ts', 'client.ts', 'model.ts', 'index.ts', 'resources/instance-types.ts', 'resources/instances.ts',
      'resources/images.ts', 'resources/snapshots.ts', 'resources/volumes.ts', 'resources/key-pairs.ts', 'resources/security-groups.ts',
      'resources/security-group-rules.ts', 'resources/vpcs.ts', 'resources/subnets.ts', 'resources/availability-zones.ts', 'resources/tags.ts',
    ]) {
      expect(files, f).toContain(f);
    }
  });

  test.each(files)('%s imports only sibling model modules (no node:, DOM or SDK)', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const spec of imports) {
      expect(spec, `${file} imports ${spec}`).toMatch(/^\.\.?\/[\w/-]+\.ts$/);
      expect(files, `${file} imports ${spec}, outside the model`).toContain(relative(dir, join(dir, dirname(file), spec)).split('\\').join('/'));
    }
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(window|document|localStorage|process|Buffer|require)\s*[.(]/);
  });
});
