/** What Dataverse adds to a sync's apps and flows: the model-driven apps of each environment, and whether each flow is in a delivered solution (null when it cannot be told). */
import type { AppFact, FlowFact } from '../../shared/power-platform-types';
import type { CollectContext } from '../sync/collector';
import type { DataverseSolutionReader } from './dataverse-solution-reader';
import type { EnvironmentsRead } from './environment-reader';
import type { ListedFlow } from './flow-api';
import { readableEnvironments } from './per-environment';
import type { ScopedRead } from './scoped-read';

/**
 * The apps read plus every Dataverse environment's model-driven apps. An environment whose Dataverse none of our accounts may
 * read leaves its model-driven apps out: the scope then says so, and is no longer "admin" (everything).
 */
export async function withModelDrivenApps(ctx: CollectContext, read: ScopedRead<AppFact>, environments: EnvironmentsRead, reader: DataverseSolutionReader): Promise<ScopedRead<AppFact>> {
  const readable = readableEnvironments<AppFact>(environments);
  if ('needsPerson' in read || read.scope.scope === 'denied' || 'inherited' in readable) return read;
  const items = [...read.items];
  const unreadable: string[] = [];
  for (const environment of readable.items) {
    if (!environment.dataverseUrl) continue;
    const solutions = await reader.read(ctx, environment);
    if ('unreadable' in solutions) unreadable.push(solutions.unreadable);
    else items.push(...solutions.modelDrivenApps);
  }
  if (unreadable.length === 0) return { items, scope: read.scope };
  const reason = [read.scope.reason, `Model-driven apps are missing where Dataverse could not be read. ${unreadable.join(' ')}`].filter(Boolean).join(' ');
  return { items, scope: { ...read.scope, scope: 'maker', reason } };
}

/**
 * The flows with `solutionAware` from their environment's Dataverse: true when the flow's workflow is a component of a delivered
 * solution, false when it is not, null when the environment has no Dataverse, Dataverse could not be read, or the flow carries no
 * `workflowEntityId` to look for.
 */
export async function withFlowSolutions(ctx: CollectContext, read: ScopedRead<ListedFlow>, environments: EnvironmentsRead, reader: DataverseSolutionReader): Promise<ScopedRead<FlowFact>> {
  if ('needsPerson' in read) return read;
  const readable = readableEnvironments<ListedFlow>(environments);
  const byId = new Map('items' in readable ? readable.items.map((e) => [e.environmentId, e]) : []);
  const items: FlowFact[] = [];
  for (const { workflowEntityId, ...flow } of read.items) {
    const environment = byId.get(flow.environmentId);
    const solutions = environment ? await reader.read(ctx, environment) : null;
    const delivered = solutions && 'delivered' in solutions ? solutions.delivered : null;
    items.push({ ...flow, solutionAware: delivered && workflowEntityId ? delivered.has(workflowEntityId.toLowerCase()) : null });
  }
  return { items, scope: read.scope };
}
