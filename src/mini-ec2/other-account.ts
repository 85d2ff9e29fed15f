/**
 * A view of the model from another AWS account, for what sharing images is about: which of the model
 * account's images that account can find and launch. `model.client(region, { accountId })` returns one.
 * The model holds one account's resources, so this client offers only DescribeImages: it sees the public
 * catalog, the model account's public images (the community AMIs of that account) and the images shared
 * with it by launch permission; `Owners: ['self']` and its own resources are empty.
 */
import { sdkConfig, type ClientBackend } from './context.ts';
import { Errors } from './errors.ts';
import { parse } from './input-parser.ts';
import { SHAPES } from './request-shapes.ts';
import { describeImages } from './resources/images.ts';
import type { DescribeImagesRequest, DescribeImagesResult } from './sdk-shapes.ts';

export class OtherAccountClient {
  readonly region: string;
  readonly accountId: string;
  readonly #backend: ClientBackend;
  readonly config: { region: () => Promise<string> };

  /** @internal Made by `MiniEc2.client(region, { accountId })`. */
  constructor(backend: ClientBackend, region: string, accountId: string) {
    this.#backend = backend;
    this.region = region;
    this.accountId = accountId;
    this.config = sdkConfig(region);
  }

  async describeImages(args?: DescribeImagesRequest): Promise<DescribeImagesResult> {
    return this.#backend.run(
      this.region,
      (ctx) => {
        const input = parse(args, SHAPES.describeImages);
        if (input.DryRun) throw Errors.dryRun();
        return describeImages(ctx, input);
      },
      this.accountId,
    );
  }
}
