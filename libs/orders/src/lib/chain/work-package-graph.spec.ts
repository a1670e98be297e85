import { DomainError, ProblemCollector } from '@kooperant/platform-errors';
import { checkWorkPackageGraph, type PackageNode } from './work-package-graph';

const d = (day: number) => new Date(Date.UTC(2027, 0, day));
const node = (key: string, day: number, after: string[] = []): PackageNode => ({ key, dueDate: d(day), after });

function check(packages: PackageNode[], delivery: Date | null = d(31)) {
  const p = new ProblemCollector();
  const order = checkWorkPackageGraph(packages, delivery, p);
  return {
    order,
    problems: p.problems.map((x) => `${x.field}:${x.reason}`),
    messages: p.problems.map((x) => x.message),
  };
}

describe('checkWorkPackageGraph', () => {
  it('orders a chain cut → bend → weld → coat', () => {
    const r = check([
      node('coat', 20, ['weld']),
      node('weld', 15, ['bend']),
      node('cut', 5),
      node('bend', 10, ['cut']),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.order).toEqual(['cut', 'bend', 'weld', 'coat']);
  });

  it('accepts a graph that is not a chain (two parts welded together)', () => {
    const r = check([
      node('frame', 5),
      node('plate', 6),
      node('weld', 10, ['frame', 'plate']),
      node('coat', 12, ['weld']),
    ]);
    expect(r.problems).toEqual([]);
    expect(r.order).toEqual(['frame', 'plate', 'weld', 'coat']);
  });

  it('rejects a cycle and names the packages on it', () => {
    const r = check([node('cut', 5, ['coat']), node('bend', 10, ['cut']), node('coat', 12, ['bend'])]);
    expect(r.problems).toEqual(['workPackages.0.after:CYCLE']);
    expect(r.messages[0]).toMatch(/cut → bend → coat → cut/);
    expect(r.order).toEqual([]);
  });

  it('rejects a package that follows itself', () => {
    expect(check([node('cut', 5, ['cut'])]).problems).toEqual(['workPackages.0.after:SELF']);
  });

  it('rejects a due date before a predecessor', () => {
    const r = check([node('cut', 10), node('bend', 8, ['cut'])]);
    expect(r.problems).toEqual(['workPackages.1.dueDate:BEFORE_PREDECESSOR']);
  });

  it('accepts a step due the same day as the one before it', () => {
    expect(check([node('cut', 10), node('bend', 10, ['cut'])]).problems).toEqual([]);
  });

  it('rejects unknown predecessors, duplicate and malformed keys, and steps due after delivery', () => {
    const r = check([node('cut', 5), node('cut', 6), node('Bend!', 7), node('weld', 40, ['paint'])], d(31));
    expect(r.problems).toEqual([
      'workPackages.1.key:DUPLICATE',
      'workPackages.2.key:FORMAT',
      'workPackages.3.after:UNKNOWN_REFERENCE',
      'workPackages.3.dueDate:AFTER_DELIVERY',
    ]);
  });

  it('throws every problem together through the collector', () => {
    const p = new ProblemCollector();
    checkWorkPackageGraph([node('a', 5, ['b']), node('b', 5, ['a'])], null, p);
    expect(() => p.throwIfAny()).toThrow(DomainError);
  });
});
