/**
 * The kurir's day as it walks it: tasks grouped by desa, the groups in the order of the kurir's
 * route, and moving a desa or a task up or down. Pure and free of zod so the phone view imports it.
 *
 * The order is one list of task ids (kept on the server as `route_order`); a desa's place is that
 * of its first task, so moving tasks and moving desa are both just a new list.
 */
export type RouteTask = { id: string; desaCode: string | null };
export type DesaGroup<T extends RouteTask> = { desaCode: string | null; tasks: T[] };

/** Consecutive by desa, in route order: a desa appears once, where its first task stands. */
export function groupByDesa<T extends RouteTask>(tasks: readonly T[]): DesaGroup<T>[] {
  const groups: DesaGroup<T>[] = [];
  for (const task of tasks) {
    const group = groups.find((g) => g.desaCode === task.desaCode);
    if (group) group.tasks.push(task);
    else groups.push({ desaCode: task.desaCode, tasks: [task] });
  }
  return groups;
}

const flatten = <T extends RouteTask>(groups: readonly DesaGroup<T>[]): string[] => groups.flatMap((g) => g.tasks.map((t) => t.id));

function swap<X>(items: readonly X[], i: number, j: number): X[] {
  const out = [...items];
  if (i < 0 || j < 0 || i >= out.length || j >= out.length) return out;
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

/** The route with a whole desa moved one place earlier (-1) or later (+1). */
export function moveDesa<T extends RouteTask>(tasks: readonly T[], desaCode: string | null, step: -1 | 1): string[] {
  const groups = groupByDesa(tasks);
  const i = groups.findIndex((g) => g.desaCode === desaCode);
  return flatten(i < 0 ? groups : swap(groups, i, i + step));
}

/** The route with one task moved one place earlier or later inside its desa. */
export function moveTask<T extends RouteTask>(tasks: readonly T[], taskId: string, step: -1 | 1): string[] {
  const groups = groupByDesa(tasks).map((g) => {
    const i = g.tasks.findIndex((t) => t.id === taskId);
    return i < 0 ? g : { ...g, tasks: swap(g.tasks, i, i + step) };
  });
  return flatten(groups);
}
