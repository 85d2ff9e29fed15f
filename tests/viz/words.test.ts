// The map's and the wizard's words: translations complete and translated, descriptions that carry the
// state as text, the list view's tree, and CLI quoting.
import { describe, expect, it } from 'vitest';
import { translator, type Entry } from '../../src/i18n/translate.ts';
import { vizStrings, type VizKey } from '../../src/i18n/viz-strings.ts';
import { describeEvent, describeNode, graphTree } from '../../src/viz/describe.ts';
import { stateToGraph } from '../../src/viz/graph.ts';
import { readEvent } from '../../src/viz/replay.ts';
import { createImageCli, describeImagesCli, shellQuote } from '../../src/viz/wizard/cli.ts';
import { BUILDER, CLONE, GOLDEN_AMI, QUICKSTART_AMI, goldenEvents, goldenState, resolveCatalog } from './fixtures.ts';

/** Strings that are the same word in every language (names of AWS things, symbols, placeholders only). */
const SAME_EVERYWHERE = new Set<VizKey>(['node.image', 'node.ownerAmazon', 'node.ownerMarketplace', 'wizard.tab.marketplace', 'wizard.col.ami', 'node.tags', 'wizard.imageCount', 'event.imageState']);

describe('viz i18n', () => {
  it('translates every key into pt-br and es, with the same placeholders', () => {
    const keys = Object.keys(vizStrings.en) as VizKey[];
    for (const locale of ['pt-br', 'es'] as const) {
      expect(Object.keys(vizStrings[locale]).sort()).toEqual([...keys].sort());
      for (const key of keys) {
        // A plural entry's placeholders are those of all its forms together.
        const inText = (text: string) => (text.match(/\{\w+\}/g) ?? []).sort();
        const placeholders = (entry: Entry) => (typeof entry === 'string' ? inText(entry) : [...new Set(inText(Object.values(entry).join(' ')))]);
        expect(placeholders(vizStrings[locale][key]), `${locale} ${key}`).toEqual(placeholders(vizStrings.en[key]));
        if (!SAME_EVERYWHERE.has(key)) {
          expect(vizStrings[locale][key], `${locale} ${key} is still English`).not.toBe(vizStrings.en[key]);
        }
      }
    }
  });

  it('fills placeholders and leaves unknown ones visible', () => {
    const t = translator(vizStrings, 'es');
    expect(t('map.step', { n: 2, total: 5 })).toBe('Paso 2 de 5');
    expect(t('map.step', { n: 2 })).toBe('Paso 2 de {total}');
  });
});

describe('describe', () => {
  const east = stateToGraph(goldenState(), resolveCatalog).regions.find((r) => r.region === 'us-east-1')!;

  it('says the state in words and as the API value, with architecture, type, tags and origin', () => {
    const node = east.nodes.find((n) => n.id === CLONE)!;
    const en = describeNode(node, east, translator(vizStrings, 'en'));
    expect(en).toContain('State: running;');
    expect(en).not.toContain('running (running)');
    expect(en).toContain('x86_64');
    expect(en).toContain('t3.micro');
    expect(en).toContain('role=web');
    expect(en).toContain(`launched from ${GOLDEN_AMI}`);
    const pt = describeNode(node, east, translator(vizStrings, 'pt-br'));
    expect(pt).toContain('em execução (running)');
    expect(pt).toContain(`executada a partir de ${GOLDEN_AMI}`);
  });

  it('nests the list view along the arrows: AMI > instance > AMI > instance', () => {
    const tree = graphTree(east);
    expect(tree.map((i) => i.node.id)).toEqual([QUICKSTART_AMI]);
    const chain: string[] = [];
    let item = tree[0];
    for (;;) {
      chain.push(item.node.id);
      if (!item.children.length) break;
      item = item.children[0];
    }
    expect(chain).toEqual([QUICKSTART_AMI, BUILDER, GOLDEN_AMI, CLONE]);
  });

  it('captions replay steps', () => {
    const t = translator(vizStrings, 'en');
    const [launched, , running] = goldenEvents().map((e, i) => readEvent(e, i));
    expect(describeEvent(launched, t)).toBe(`Instance ${BUILDER} launched from ${QUICKSTART_AMI}`);
    expect(describeEvent(running, t)).toBe(`Instance ${BUILDER}: pending → running`);
  });
});

describe('CLI lines', () => {
  it('quotes only what the shell needs quoted', () => {
    expect(shellQuote('ami-0123456789abcdef0')).toBe('ami-0123456789abcdef0');
    expect(shellQuote('my image')).toBe("'my image'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('writes describe-images and create-image as the AWS CLI spells them', () => {
    expect(describeImagesCli('eu-west-1', { Owners: ['self'], Filters: [{ Name: 'architecture', Values: ['arm64'] }] }))
      .toBe("aws ec2 describe-images \\\n    --region eu-west-1 \\\n    --owners self \\\n    --filters Name=architecture,Values=arm64");
    expect(createImageCli('us-east-1', { InstanceId: 'i-0123456789abcdef0', Name: 'web v1', NoReboot: true }))
      .toBe("aws ec2 create-image \\\n    --region us-east-1 \\\n    --instance-id i-0123456789abcdef0 \\\n    --name 'web v1' \\\n    --no-reboot");
  });
});
