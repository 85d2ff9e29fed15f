// The AMI picker's four tabs, as the console has them, and its search and architecture filter.
// Each tab is a DescribeImages request (so its CLI line is honest); Quick Start is console metadata
// (the model's catalog entries), narrowed to the newest image of each family.
import type { DescribeImagesRequest, Filter, Image } from '../../mini-ec2/sdk-shapes.ts';

export const AMI_TABS = ['quickstart', 'mine', 'marketplace', 'community'] as const;
export type AmiTab = (typeof AMI_TABS)[number];

export type ArchChoice = '' | 'x86_64' | 'arm64';

export interface PickerQuery {
  tab: AmiTab;
  search: string;
  arch: ArchChoice;
}

/** The DescribeImages request behind a tab (search stays client-side; the CLI line shows it as a name filter). */
export function tabRequest(query: PickerQuery, quickStartIds: readonly string[] = []): DescribeImagesRequest {
  const filters: Filter[] = [];
  if (query.arch) filters.push({ Name: 'architecture', Values: [query.arch] });
  const request: DescribeImagesRequest = {};
  switch (query.tab) {
    case 'quickstart':
      request.ImageIds = [...quickStartIds];
      break;
    case 'mine':
      request.Owners = ['self'];
      break;
    case 'marketplace':
      request.Owners = ['aws-marketplace'];
      break;
    case 'community':
      request.ExecutableUsers = ['all'];
      break;
  }
  if (filters.length) request.Filters = filters;
  return request;
}

/** The request as the CLI line shows it: with the search as a name filter. */
export function tabRequestForCli(query: PickerQuery, quickStartIds: readonly string[] = []): DescribeImagesRequest {
  const request = tabRequest(query, quickStartIds);
  const search = query.search.trim();
  if (search) request.Filters = [...(request.Filters ?? []), { Name: 'name', Values: [`*${search}*`] }];
  return request;
}

/** Community: public images that are neither Quick Start nor Marketplace listings. */
export function isCommunityImage(image: Image, quickStartIds: ReadonlySet<string>): boolean {
  const marketplace = image.ImageOwnerAlias === 'aws-marketplace' || (image.ProductCodes ?? []).some((p) => p.ProductCodeType === 'marketplace');
  return image.Public === true && !marketplace && !quickStartIds.has(image.ImageId ?? '');
}

/** The console's search: case-insensitive, over name, description and ID. */
export function matchesSearch(image: Image, search: string): boolean {
  const needle = search.trim().toLowerCase();
  if (!needle) return true;
  return [image.Name, image.Description, image.ImageId].some((field) => (field ?? '').toLowerCase().includes(needle));
}

/** Newest first, then by name: the order the console lists images in. */
export function sortImages(images: readonly Image[]): Image[] {
  return [...images].sort((a, b) => (b.CreationDate ?? '').localeCompare(a.CreationDate ?? '') || (a.Name ?? '').localeCompare(b.Name ?? ''));
}
