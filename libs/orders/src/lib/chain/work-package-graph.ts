import type { ProblemCollector } from '@kooperant/platform-errors';

/** What the chain rules need of a work package: its key, due date and the keys of the packages it follows. */
export interface PackageNode {
  key: string;
  dueDate: Date;
  after: readonly string[];
}

const KEY = /^[a-z0-9][a-z0-9_-]{0,39}$/;

/**
 * Checks the work packages of a cooperative order as a graph (pure): unique keys, known predecessors, no cycle
 * (bending after cutting after bending is no plan), no package due before a package it follows, none due after the
 * order's delivery date. Problems name the field (`workPackages.2.after`). Returns the keys in an order in which
 * every package comes after those it follows (input order where the graph leaves a choice).
 */
export function checkWorkPackageGraph(
  packages: readonly PackageNode[],
  deliveryDate: Date | null,
  problems: ProblemCollector,
  field = 'workPackages',
): string[] {
  const index = new Map<string, number>();
  packages.forEach((p, i) => {
    if (!KEY.test(p.key)) {
      problems.add(`${field}.${i}.key`, 'FORMAT', 'Use 1 to 40 lower-case letters, digits, - or _, e.g. "cut".');
    } else if (index.has(p.key)) {
      problems.add(`${field}.${i}.key`, 'DUPLICATE', `Another package already has the key "${p.key}".`);
    } else {
      index.set(p.key, i);
    }
  });
  packages.forEach((p, i) => {
    for (const k of p.after) {
      if (k === p.key) problems.add(`${field}.${i}.after`, 'SELF', 'A package cannot follow itself.');
      else if (!index.has(k))
        problems.add(`${field}.${i}.after`, 'UNKNOWN_REFERENCE', `No package has the key "${k}".`);
    }
    if (deliveryDate && p.dueDate.getTime() > deliveryDate.getTime()) {
      problems.add(`${field}.${i}.dueDate`, 'AFTER_DELIVERY', 'A package cannot be due after the order is delivered.');
    }
  });

  // Kahn's algorithm over the valid edges; what is left over lies on a cycle.
  const preds = packages.map((p) => [...new Set(p.after)].filter((k) => k !== p.key && index.has(k)));
  const indegree = preds.map((ps) => ps.length);
  const followers = packages.map(() => [] as number[]);
  preds.forEach((ps, i) => ps.forEach((k) => followers[index.get(k) as number].push(i)));
  const order: number[] = [];
  const ready = indegree.flatMap((d, i) => (d === 0 ? [i] : []));
  while (ready.length) {
    ready.sort((a, b) => a - b);
    const i = ready.shift() as number;
    order.push(i);
    for (const f of followers[i]) if (--indegree[f] === 0) ready.push(f);
  }
  if (order.length < packages.length) {
    const onCycle = packages.map((_, i) => i).filter((i) => !order.includes(i));
    const cycle = findCycle(onCycle, preds, index);
    const first = cycle[0] ?? onCycle[0];
    problems.add(
      `${field}.${first}.after`,
      'CYCLE',
      `The packages follow each other in a circle: ${[...cycle, first].map((i) => packages[i].key).join(' → ')}.`,
    );
    return [];
  }
  for (const i of order) {
    for (const k of preds[i]) {
      const j = index.get(k) as number;
      if (packages[i].dueDate.getTime() < packages[j].dueDate.getTime()) {
        problems.add(
          `${field}.${i}.dueDate`,
          'BEFORE_PREDECESSOR',
          `"${packages[i].key}" is due before "${packages[j].key}", which it follows.`,
        );
      }
    }
  }
  return order.map((i) => packages[i].key);
}

/** A concrete cycle among `nodes` (each has a predecessor among them), in following order. */
function findCycle(nodes: number[], preds: string[][], index: Map<string, number>): number[] {
  const inSet = new Set(nodes);
  const path: number[] = [];
  let cur = nodes[0];
  const seen = new Map<number, number>();
  while (!seen.has(cur)) {
    seen.set(cur, path.length);
    path.push(cur);
    const next = preds[cur].map((k) => index.get(k) as number).find((j) => inSet.has(j));
    if (next === undefined) return [];
    cur = next;
  }
  // path walks predecessors; the cycle is the tail from the repeated node, reversed into following order,
  // told from the package listed first
  const cycle = path.slice(seen.get(cur)).reverse();
  const start = cycle.indexOf(Math.min(...cycle));
  return [...cycle.slice(start), ...cycle.slice(0, start)];
}
