// Launch templates on the live map, from a real model: the template's node (name, ID, default and latest
// version, the AMI each version names), a "named by" arrow from each of those AMIs that the panel draws,
// the words in every language, and the replay of the template's events.
import { describe, expect, it } from 'vitest';
import { MiniEc2, catalogEntries } from '../../src/mini-ec2/index.ts';
import { stateToGraph } from '../../src/viz/graph.ts';
import { buildReplay, eventsToGraphs } from '../../src/viz/replay.ts';
import { resolveCatalogImage } from '../../src/viz/catalog-lookup.ts';
import { describeEvent, describeNode, detailRows } from '../../src/viz/describe.ts';
import { translator } from '../../src/i18n/translate.ts';
import { vizStrings } from '../../src/i18n/viz-strings.ts';

/** A template whose version 1 names a Quick Start AMI and version 2 an SSM parameter; version 2 made the default. */
async function templateWithTwoVersions() {
  const model = new MiniEc2({ seed: 11 });
  const ec2 = model.client('us-east-1');
  const base = catalogEntries('us-east-1', 'quick-start').find((m) => m.latest && m.family.startsWith('amazon-linux-2023'))!;
  const created = await ec2.createLaunchTemplate({
    LaunchTemplateName: 'web-servers',
    LaunchTemplateData: { ImageId: base.imageId, InstanceType: 't3.micro' },
  });
  const id = created.LaunchTemplate!.LaunchTemplateId!;
  const ssm = 'resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64';
  await ec2.createLaunchTemplateVersion({ LaunchTemplateId: id, LaunchTemplateData: { ImageId: ssm } });
  await ec2.modifyLaunchTemplate({ LaunchTemplateId: id, DefaultVersion: '2' });
  return { model, id, base: base.imageId, ssm };
}

describe('launch templates on the map', () => {
  it('draws the template with its versions and an arrow from the AMI it names', async () => {
    const { model, id, base, ssm } = await templateWithTwoVersions();
    const [east] = stateToGraph(model.exportState(), resolveCatalogImage).regions;
    const template = east.nodes.find((n) => n.id === id);
    expect(template).toMatchObject({
      kind: 'template', label: 'web-servers',
      template: { defaultVersion: 2, latestVersion: 2, versions: [{ number: 1, imageId: base }, { number: 2, imageId: ssm }] },
    });
    // The Quick Start AMI version 1 names is drawn (named from the catalog) and points at the template.
    expect(east.nodes.find((n) => n.id === base)).toMatchObject({ kind: 'image', owner: 'amazon' });
    expect(east.edges).toEqual([{ id: `${base}->${id}`, kind: 'named-by', source: base, target: id }]);

    const t = translator(vizStrings, 'en');
    expect(describeNode(template!, east, t)).toBe(
      `Launch template ${id} "web-servers"; Default version: 2; Latest version: 2; Version 1: ${base}; Version 2: ${ssm}; Tags: no tags; uses ${base}`,
    );
    expect(detailRows(template!, translator(vizStrings, 'pt-br'))).toEqual([
      ['Modelo de execução', id], ['Versão padrão', '2'], ['Versão mais recente', '2'], ['Versão 1', base], ['Versão 2', ssm], ['Tags', 'sem tags'],
    ]);
    expect(detailRows(template!, translator(vizStrings, 'es'))[0]).toEqual(['Plantilla de lanzamiento', id]);
  });

  it('replays the template: absent before its creation, then each version and the new default', async () => {
    const { model, id } = await templateWithTwoVersions();
    const replay = buildReplay(model.exportState(), model.events(), resolveCatalogImage);
    const t = translator(vizStrings, 'en');
    expect(replay.events.map((e) => describeEvent(e, t))).toEqual([
      `Launch template ${id} ("web-servers") created`,
      `Launch template ${id}: version 2 created`,
      `Launch template ${id}: the default version is now 2`,
    ]);
    const graphs = eventsToGraphs(model.exportState(), model.events(), resolveCatalogImage);
    const templateAt = (step: number) => graphs[step].regions[0]?.nodes.find((n) => n.id === id)?.template;
    expect(templateAt(0)).toBeUndefined();
    expect(templateAt(1)).toMatchObject({ defaultVersion: 1, latestVersion: 1, versions: [{ number: 1 }] });
    expect(templateAt(2)).toMatchObject({ defaultVersion: 1, latestVersion: 2 });
    expect(templateAt(3)).toMatchObject({ defaultVersion: 2, latestVersion: 2 });
  });

  it('leaves a deleted template off the map', async () => {
    const { model, id } = await templateWithTwoVersions();
    const drawn = () => stateToGraph(model.exportState(), resolveCatalogImage).regions.flatMap((r) => r.nodes).some((n) => n.id === id);
    expect(drawn()).toBe(true);
    await model.client('us-east-1').deleteLaunchTemplate({ LaunchTemplateId: id });
    expect(drawn()).toBe(false);
  });
});
