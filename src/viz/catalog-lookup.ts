// Names the public images instances were launched from. The model's exported state holds only the
// account's own images; the catalog (Quick Start, Marketplace, community) is derived from the region
// name by the model's catalog module, which this reads. Loaded with the map, never with the page.
import { catalogFor } from '../mini-ec2/catalog.ts';
import { readImage, type ImageResolver } from './world.ts';

export const resolveCatalogImage: ImageResolver = (region, imageId) => {
  try {
    const record = catalogFor(region).byId.get(imageId);
    return record ? readImage(record, region) : undefined;
  } catch {
    return undefined; // an unknown region in a hand-made state: show the ID alone
  }
};
