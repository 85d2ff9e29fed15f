// The terminology sheets (docs/terminology/pt-br.md, docs/terminology/es.md) as a test: no banned variant in the
// lessons, the glossary, the teachers' page, the interface string tables, the exercise manifests, the tests'
// failure messages (exercises/*/tests/messages.ts), the kit's messages (exercises/_kit/kit-messages.ts) or the
// comments of the translated starters and solutions (starter/<lang>/, solution/<lang>/).
// Sources for the preferred terms: AWS's Portuguese documentation says "executar uma instância" for launching
// and "modelo de execução" for a launch template (docs.aws.amazon.com/pt_br/AWSEC2/latest/UserGuide/
// ec2-instances-and-amis.html, ec2-launch-templates.html), keeping "iniciar" for starting a stopped instance;
// AWS's Spanish documentation calls a security group a "firewall" (docs.aws.amazon.com/es_es/cli/latest/
// userguide/cli-services-ec2-sg.html). "Computadora" and not "ordenador": the course's Spanish is neutral
// Latin American.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { textsOf, type Entry } from '../../src/i18n/translate.ts';
import { ui } from '../../src/i18n/ui.ts';
import { sandboxStrings } from '../../src/i18n/sandbox-strings.ts';
import { vizStrings } from '../../src/i18n/viz-strings.ts';
import { lessonStrings } from '../../src/i18n/lesson-strings.ts';
import { classStrings } from '../../src/i18n/class-strings.ts';
import { repoRoot } from './lesson-files.ts';
import { comments, tableStrings } from './code-texts.ts';

interface Rule {
  banned: RegExp;
  use: string;
  /** Files (by path ending) where the word is the right one, e.g. the lesson that teaches the AMI chain. */
  allowedIn?: string[];
}

const rules: Record<'pt-br' | 'es', Rule[]> = {
  'pt-br': [
    { banned: /\blanç(?:ar|a|as|am|ou|aram|ado|ada|ados|adas|amento|amentos|ando|o)\b/i, use: 'executar / execução (Launch instance = "Executar instância")' },
    { banned: /\blanc(?:e|em)\s+(?:`|\S*\s*instânc)/i, use: 'execute (Launch instance = "Executar instância")' },
    { banned: /\binici(?:ar|a|am|ou|ado|ada|ados|adas|á-l[ao]s?)\s+(?:uma|a|as|duas|três|várias)\s+(?:novas?\s+)?instâncias?\b(?!\s+parada)/i, use: 'executar (iniciar é Start, para uma instância parada)' },
    { banned: /\biniciad[oa]s?\s+(?:a partir|dela|dele|da AMI|de uma AMI)/i, use: 'executada a partir de' },
  ],
  es: [
    { banned: /\bcortafuegos\b/i, use: 'firewall' },
    { banned: /\bordenador(?:es)?\b/i, use: 'computadora' },
    { banned: /\bcadenas? de montaje\b/i, use: 'línea de montaje' },
    { banned: /\bcadenas?\b(?! de caracteres)/i, use: 'línea de montaje (una canalización); "cadena" solo para la cadena de AMI de la lección 5', allowedIn: ['es/05-reuse-with-amis.mdx'] },
    { banned: /\bpipelines?\b/i, use: 'canalización' },
  ],
};

/**
 * Drift in rooms other engineers own, named so the test stays green until they fix it. An entry that no
 * longer matches fails the test, so the list only shrinks.
 */
const knownDrift: Record<'pt-br' | 'es', { where: string; text: string }[]> = {
  es: [],
  'pt-br': [],
};

interface Text {
  where: string;
  text: string;
}

/** Lesson prose without code: fenced blocks and inline code hold identifiers, not words to translate. */
function prose(source: string): string {
  return source.replace(/^(\s*)(`{3,})[^\n]*\n[\s\S]*?^\1\2\s*$/gm, '').replace(/`[^`\n]*`/g, '');
}

function lessonTexts(locale: string): Text[] {
  const dir = join(repoRoot, 'content/lessons', locale);
  return readdirSync(dir)
    .filter((name) => name.endsWith('.mdx'))
    .map((name) => ({ where: `content/lessons/${locale}/${name}`, text: prose(readFileSync(join(dir, name), 'utf8')) }));
}

function glossaryTexts(locale: string): Text[] {
  const where = `content/glossary/${locale}.json`;
  const glossary = JSON.parse(readFileSync(join(repoRoot, where), 'utf8')) as Record<string, { term: string; definition: string }>;
  return Object.entries(glossary).map(([id, entry]) => ({ where: `${where} ${id}`, text: `${entry.term}. ${entry.definition}` }));
}

function tableTexts(locale: 'pt-br' | 'es'): Text[] {
  const tables: Record<string, Record<string, Record<string, Entry>>> = {
    'src/i18n/ui.ts': ui, 'src/i18n/sandbox-strings.ts': sandboxStrings, 'src/i18n/viz-strings.ts': vizStrings, 'src/i18n/lesson-strings.ts': lessonStrings,
    'src/i18n/class-strings.ts': classStrings,
  };
  return Object.entries(tables).flatMap(([file, table]) =>
    Object.entries(table[locale]).flatMap(([key, entry]) => textsOf(entry).map((text) => ({ where: `${file} ${key}`, text }))),
  );
}

/** Every string under a `locale` key anywhere in a manifest (titles, instructions, hints...). */
function localized(value: unknown, locale: string, path: string): Text[] {
  if (Array.isArray(value)) return value.flatMap((v, i) => localized(v, locale, `${path}[${i}]`));
  if (!value || typeof value !== 'object') return [];
  return Object.entries(value).flatMap(([key, v]) =>
    key === locale && typeof v === 'string' ? [{ where: path, text: v }] : localized(v, locale, `${path}.${key}`),
  );
}

function manifestTexts(locale: string): Text[] {
  const dir = join(repoRoot, 'exercises');
  return readdirSync(dir, { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .flatMap((entry) => {
      const where = `exercises/${entry.name}/manifest.json`;
      return localized(JSON.parse(readFileSync(join(repoRoot, where), 'utf8')), locale, where);
    });
}

/** The variable holding a language's table in messages.ts and kit-messages.ts. */
const tableVariable = { 'pt-br': 'ptBr', es: 'es' } as const;

/** The strings of each exercise's tests/messages.ts and of the kit's messages, in `locale`. */
function messageTexts(locale: 'pt-br' | 'es'): Text[] {
  const files = [...exerciseDirs().map((id) => `exercises/${id}/tests/messages.ts`), 'exercises/_kit/kit-messages.ts'];
  return files.flatMap((where) => {
    const strings = tableStrings(readFileSync(join(repoRoot, where), 'utf8'), where, tableVariable[locale]);
    if (!strings) throw new Error(`${where} declares no \`const ${tableVariable[locale]}\` table: the terminology test reads it there`);
    return [{ where, text: strings.join(' ') }];
  });
}

/** The comments of every starter and solution written in `locale` (starter/<locale>/, solution/<locale>/). */
function starterTexts(locale: 'pt-br' | 'es'): Text[] {
  return exerciseDirs().flatMap((id) =>
    ['starter', 'solution'].flatMap((kind) => {
      const dir = join(repoRoot, 'exercises', id, kind, locale);
      return readdirSync(dir)
        .filter((name) => name.endsWith('.ts'))
        .map((name) => ({ where: `exercises/${id}/${kind}/${locale}/${name}`, text: comments(readFileSync(join(dir, name), 'utf8'), name).join('\n') }));
    }),
  );
}

function exerciseDirs(): string[] {
  return readdirSync(join(repoRoot, 'exercises'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('_'))
    .map((entry) => entry.name);
}

function teacherTexts(locale: string): Text[] {
  const where = `content/teachers/${locale}.md`;
  return [{ where, text: prose(readFileSync(join(repoRoot, where), 'utf8')) }];
}

/** Each use of a banned variant: where, the words around it, and what to write instead. */
function findDrift(locale: 'pt-br' | 'es', texts: Text[]): { where: string; found: string; use: string }[] {
  return texts.flatMap(({ where, text }) =>
    rules[locale]
      .filter((rule) => !rule.allowedIn?.some((file) => where.endsWith(file)))
      .flatMap((rule) =>
        [...text.matchAll(new RegExp(rule.banned.source, 'gi'))].map((m) => ({
          where,
          found: text.slice(Math.max(0, m.index - 30), m.index + m[0].length + 20).replace(/\s+/g, ' '),
          use: rule.use,
        })),
      ),
  );
}

describe('terminology sheets (docs/terminology)', () => {
  for (const locale of ['pt-br', 'es'] as const) {
    it(`${locale}: no banned variant in lessons, glossary, teachers' page, interface strings, exercise manifests, test and kit messages, or starter and solution comments`, () => {
      const code = [...messageTexts(locale), ...starterTexts(locale)];
      // Every exercise's messages, the kit's, and a starter and a solution per exercise, each with words in it.
      expect(code.length).toBeGreaterThanOrEqual(exerciseDirs().length * 3 + 1);
      for (const { where, text } of code) expect(text.trim().length, where).toBeGreaterThan(40);
      const texts = [...lessonTexts(locale), ...glossaryTexts(locale), ...teacherTexts(locale), ...tableTexts(locale), ...manifestTexts(locale), ...code];
      expect(texts.length).toBeGreaterThan(100);
      const drift = findDrift(locale, texts);
      const unexplained = drift.filter((d) => !knownDrift[locale].some((k) => d.where.startsWith(k.where) && d.found.includes(k.text)));
      expect(unexplained).toEqual([]);
      const stale = knownDrift[locale].filter((k) => drift.every((d) => !(d.where.startsWith(k.where) && d.found.includes(k.text))));
      expect(stale, 'known drift that is fixed now: remove it from knownDrift').toEqual([]);
    });

    it(`${locale}: the rules catch what they are meant to catch`, () => {
      const samples = locale === 'pt-br'
        ? ['Vamos lançar uma instância.', 'O pedido de lançamento.', 'Em launch.ts, lance `plan.count` instâncias.', 'Para iniciar uma instância nova.', 'Instância iniciada a partir de ami-1.']
        : ['Reglas de cortafuegos.', 'Un ordenador propio.', 'La cadena de montaje.', 'Ejecuta tu cadena.', 'Scripts y pipelines.'];
      for (const text of samples) expect(findDrift(locale, [{ where: 'sample', text }]), text).not.toEqual([]);
      const fine = locale === 'pt-br'
        ? ['Executar instância.', 'Iniciar uma instância parada.', 'Os serviços configurados para iniciar.']
        : ['Lanzar instancia.', 'Una cadena de caracteres hexadecimales.', 'Reglas de firewall.'];
      for (const text of fine) expect(findDrift(locale, [{ where: 'sample', text }]), text).toEqual([]);
    });
  }
});
