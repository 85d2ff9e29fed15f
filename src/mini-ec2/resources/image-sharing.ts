/**
 * Sharing images through launch permissions (spec section 15; EC2 user guide, "Share an AMI with specific
 * AWS accounts" and "Make your AMI public"): ModifyImageAttribute adds or removes account IDs and the
 * group `all` (public), DescribeImageAttribute shows them, ResetImageAttribute removes them all. Only the
 * owner may change or read them. A public image is what other accounts find among community AMIs; one
 * shared with an account shows in that account's DescribeImages (ExecutableUsers `self`).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { isWellFormedId } from '../ids.ts';
import type { ImageRecord } from '../state.ts';
import type { DescribeImageAttributeRequest, LaunchPermission, ModifyImageAttributeRequest, ResetImageAttributeRequest } from '../sdk-shapes.ts';
import { findImage } from './images.ts';

/** The caller's own, registered image; a catalog image (or another account's) may not be changed. */
function ownedImage(ctx: Ctx, imageId: string | undefined): ImageRecord {
  if (imageId === undefined) throw Errors.missingParameter('ImageId');
  if (!isWellFormedId(imageId, 'ami')) throw Errors.amiMalformed(imageId);
  const image = findImage(ctx, ctx.regionName, imageId);
  if (!image || image.state === 'deregistered') throw Errors.amiNotFound([imageId]);
  if (image.ownerId !== ctx.accountId) throw Errors.notImageOwner(imageId);
  return image;
}

function checkPermission(p: LaunchPermission): void {
  if (p.Group !== undefined && p.Group !== 'all') throw Errors.invalidValue(p.Group, 'Group', "The only group is 'all'.");
  if (p.UserId !== undefined && !/^\d{12}$/.test(p.UserId)) throw Errors.userIdMalformed(p.UserId);
  if (p.Group === undefined && p.UserId === undefined) throw Errors.missingParameter('LaunchPermission.UserId or LaunchPermission.Group');
}

/** The permissions to add and to remove, from the SDK's LaunchPermission form or the older OperationType + UserIds/UserGroups. */
function requestedChanges(input: ModifyImageAttributeRequest): { add: LaunchPermission[]; remove: LaunchPermission[] } {
  const add = [...(input.LaunchPermission?.Add ?? [])];
  const remove = [...(input.LaunchPermission?.Remove ?? [])];
  if (input.OperationType !== undefined) {
    const older = [...(input.UserIds ?? []).map((UserId) => ({ UserId })), ...(input.UserGroups ?? []).map((Group) => ({ Group: Group as 'all' }))];
    (input.OperationType === 'add' ? add : remove).push(...older);
  }
  for (const p of [...add, ...remove]) checkPermission(p);
  return { add, remove };
}

export function modifyImageAttribute(ctx: Ctx, input: ModifyImageAttributeRequest, dryRun: boolean): void {
  const image = ownedImage(ctx, input.ImageId);
  const attribute = input.Attribute ?? (input.Description !== undefined ? 'description' : 'launchPermission');
  if (attribute === 'description') {
    const value = input.Description?.Value ?? input.Value;
    if (value === undefined) throw Errors.missingParameter('Description');
    if (dryRun) throw Errors.dryRun();
    image.description = value;
    return;
  }
  if (attribute !== 'launchPermission') throw Errors.invalidValue(attribute, 'Attribute', 'mini-EC2 models the attributes launchPermission and description.');
  const { add, remove } = requestedChanges(input);
  if (add.length === 0 && remove.length === 0) throw Errors.missingParameter('LaunchPermission');
  if (dryRun) throw Errors.dryRun();
  const users = new Set(image.sharedWith ?? []);
  for (const p of add) {
    if (p.Group === 'all') image.public = true;
    else users.add(p.UserId!);
  }
  for (const p of remove) {
    if (p.Group === 'all') image.public = false;
    else users.delete(p.UserId!);
  }
  image.sharedWith = [...users];
  ctx.emit({ type: 'image-permissions-changed', resourceId: image.id, imageId: image.id, public: image.public, sharedWith: [...users] });
}

export function describeImageAttribute(ctx: Ctx, input: DescribeImageAttributeRequest) {
  if (input.Attribute === undefined) throw Errors.missingParameter('Attribute');
  const image = ownedImage(ctx, input.ImageId);
  switch (input.Attribute) {
    case 'launchPermission':
      return {
        ImageId: image.id,
        LaunchPermissions: [...(image.public ? [{ Group: 'all' as const }] : []), ...(image.sharedWith ?? []).map((UserId) => ({ UserId }))],
      };
    case 'description':
      return { ImageId: image.id, Description: image.description !== undefined ? { Value: image.description } : {} };
    default:
      throw Errors.invalidValue(input.Attribute, 'Attribute', 'mini-EC2 models the attributes launchPermission and description.');
  }
}

export function resetImageAttribute(ctx: Ctx, input: ResetImageAttributeRequest, dryRun: boolean): void {
  if (input.Attribute === undefined) throw Errors.missingParameter('Attribute');
  if (input.Attribute !== 'launchPermission') throw Errors.invalidValue(input.Attribute, 'Attribute');
  const image = ownedImage(ctx, input.ImageId);
  if (dryRun) throw Errors.dryRun();
  image.public = false;
  image.sharedWith = [];
  ctx.emit({ type: 'image-permissions-changed', resourceId: image.id, imageId: image.id, public: false, sharedWith: [] });
}
