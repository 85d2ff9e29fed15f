import { describe, expect, it } from 'vitest';
import { instructionsToHtml } from '../../src/components/instructions.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';

describe('exercise instructions', () => {
  it('makes paragraphs and code spans, and escapes everything else', () => {
    expect(instructionsToHtml('Call `ec2.runInstances` once.\n\nThen <b>wait</b> & return "ids".')).toBe(
      '<p>Call <code>ec2.runInstances</code> once.</p><p>Then &lt;b&gt;wait&lt;/b&gt; &amp; return &quot;ids&quot;.</p>',
    );
  });
});

describe('sandbox strings', () => {
  it('every locale fills every placeholder the English string has', () => {
    for (const [key, english] of Object.entries(sandboxStrings.en)) {
      const placeholders = (english.match(/\{\w+\}/g) ?? []).sort();
      for (const locale of ['pt-br', 'es'] as const) {
        const text = sandboxStrings[locale][key as keyof typeof sandboxStrings.en];
        expect((text.match(/\{\w+\}/g) ?? []).sort(), `${locale} ${key}`).toEqual(placeholders);
        if (english.replace(/\{\w+\}/g, '').length > 12) expect(text, `${locale} ${key} is still English`).not.toBe(english);
      }
    }
  });
});
