/**
 * DescribeInstanceStatus: the status checks of instances. `running` only means the virtual machine
 * started; the system and instance reachability checks report `initializing` until the operating
 * system is up (timing.statusChecksMs after `running`), then `ok` / `passed`. Instances that are not
 * running report `not-applicable`. By default only running instances are listed; `IncludeAllInstances`
 * lists every visible one (EC2 API reference, DescribeInstanceStatus).
 */
import type { Ctx } from '../context.ts';
import { Errors } from '../errors.ts';
import { compileFilters, matchesAll, type FilterTable } from '../filters.ts';
import { paginate } from '../input-parser.ts';
import type { InstanceRecord } from '../state.ts';
import type { DescribeInstanceStatusRequest, InstanceStatus, InstanceStatusSummary } from '../sdk-shapes.ts';
import { requireInstances, STATE_CODES } from './instances.ts';

/** The checks' summary of one instance at `now`: not-applicable, initializing or ok. */
function statusChecks(ctx: Ctx, i: InstanceRecord): 'not-applicable' | 'initializing' | 'ok' {
  if (i.state !== 'running') return 'not-applicable';
  const since = i.runningSince ?? i.launchTime + ctx.state.timing.instanceStartMs;
  const after = ctx.state.timing.statusChecksMs ?? 120_000;
  return ctx.now >= since + after ? 'ok' : 'initializing';
}

function summary(status: ReturnType<typeof statusChecks>): InstanceStatusSummary {
  if (status === 'not-applicable') return { Status: 'not-applicable' };
  return { Status: status, Details: [{ Name: 'reachability', Status: status === 'ok' ? 'passed' : 'initializing' }] };
}

const reachability = (s: ReturnType<typeof statusChecks>) => (s === 'ok' ? 'passed' : s === 'initializing' ? 'initializing' : undefined);

function statusFilters(ctx: Ctx): FilterTable<InstanceRecord> {
  return {
    'availability-zone': (i) => i.availabilityZone,
    'instance-state-name': (i) => i.state,
    'instance-state-code': (i) => String(STATE_CODES[i.state]),
    'instance-status.status': (i) => statusChecks(ctx, i),
    'instance-status.reachability': (i) => reachability(statusChecks(ctx, i)),
    'system-status.status': (i) => statusChecks(ctx, i),
    'system-status.reachability': (i) => reachability(statusChecks(ctx, i)),
  };
}

export function describeInstanceStatus(ctx: Ctx, input: DescribeInstanceStatusRequest) {
  const filters = compileFilters<InstanceRecord>(input.Filters, statusFilters(ctx));
  if (input.MaxResults !== undefined && input.InstanceIds?.length) {
    throw Errors.invalidParameterCombination('The parameter instancesSet cannot be used with the parameter maxResults');
  }
  const candidates = input.InstanceIds?.length ? requireInstances(ctx.region, input.InstanceIds) : Object.values(ctx.region.instances);
  const listed = candidates.filter((i) => (input.IncludeAllInstances || i.state === 'running') && matchesAll(i, filters));
  const { page, nextToken } = paginate(listed, input.MaxResults, input.NextToken, [5, 1000]);
  const InstanceStatuses: InstanceStatus[] = page.map((i) => {
    const status = statusChecks(ctx, i);
    return {
      AvailabilityZone: i.availabilityZone,
      InstanceId: i.id,
      InstanceState: { Code: STATE_CODES[i.state], Name: i.state },
      InstanceStatus: summary(status),
      SystemStatus: summary(status),
    };
  });
  return { InstanceStatuses, ...(nextToken ? { NextToken: nextToken } : {}) };
}
