// The model must run in Node, a WebContainer and the browser: no Node built-ins, no DOM, no SDK at run time.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';

const dir = fileURLToPath(new URL('../../src/mini-ec2/', import.meta.url));
const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));

describe('portability of src/mini-ec2', () => {
  test('the model has at least the files of its design', () => {
    for (const f of ['ids.ts', 'clock.ts', 'errors.ts', 'filters.ts', 'instance-types.ts', 'network.ts', 'catalog.ts', 'instances.ts', 'images.ts', 'validate.ts', 'events.ts', 'state.ts', 'waiters.ts', 'client.ts', 'model.ts', 'index.ts']) {
      expect(files, f).toContain(f);
    }
  });

  test.each(files)('%s imports only sibling model modules (no node:, DOM or SDK)', (file) => {
    const text = readFileSync(dir + file, 'utf8');
    const imports = [...text.matchAll(/^\s*(?:import|export)[^'";]*?from\s+['"]([^'"]+)['"]/gm)].map((m) => m[1]);
    for (const spec of imports) expect(spec, `${file} imports ${spec}`).toMatch(/^\.\/[\w-]+\.ts$/);
    const code = text.replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
    expect(code).not.toMatch(/\b(window|document|localStorage|process|Buffer|require)\s*[.(]/);
  });
});
