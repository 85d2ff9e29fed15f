import { describe, expect, it } from 'vitest';
import { instructionsToHtml } from '../../src/components/instructions.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { textsOf } from '../../src/i18n/translate.ts';

describe('exercise instructions', () => {
  it('makes paragraphs and code spans, and escapes everything else', () => {
    expect(instructionsToHtml('Call `ec2.runInstances` once.\n\nThen <b>wait</b> & return "ids".')).toBe(
      '<p>Call <code>ec2.runInstances</code> once.</p><p>Then &lt;b&gt;wait&lt;/b&gt; &amp; return &quot;ids&quot;.</p>',
    );
  });
});

describe('sandbox strings', () => {
  it('every locale fills every placeholder the English string has', () => {
    // A plural entry's placeholders are those of all its forms together.
    const placeholders = (texts: string[]) => [...new Set(texts.flatMap((text) => text.match(/\{\w+\}/g) ?? []))].sort();
    for (const [key, english] of Object.entries(sandboxStrings.en)) {
      const englishTexts = textsOf(english);
      for (const locale of ['pt-br', 'es'] as const) {
        const texts = textsOf(sandboxStrings[locale][key as keyof typeof sandboxStrings.en]);
        expect(placeholders(texts), `${locale} ${key}`).toEqual(placeholders(englishTexts));
        for (const text of texts) {
          if (text.replace(/\{\w+\}/g, '').length > 12) expect(englishTexts, `${locale} ${key} is still English`).not.toContain(text);
        }
      }
    }
  });
});
