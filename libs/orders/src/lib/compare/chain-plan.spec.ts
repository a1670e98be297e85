import { planChain, type ChainStep } from './chain-plan';

const start = new Date('2027-03-01T00:00:00Z');
const step = (packageId: string, leadTimeDays: number, priceMinor: number | null, firmCountry = 'PL'): ChainStep => ({
  packageId,
  leadTimeDays,
  priceMinor,
  firmCountry,
});

describe('planChain', () => {
  it('adds lead times along a chain and prices', () => {
    const p = planChain(
      [step('cut', 5, 100), step('weld', 10, 300), step('coat', 3, 50)],
      new Map([
        ['weld', ['cut']],
        ['coat', ['weld']],
      ]),
      start,
    );
    expect(p.totalMinor).toBe(450);
    expect(p.completion.toISOString()).toBe('2027-03-19T00:00:00.000Z');
  });

  it('waits for the slowest of two steps running side by side', () => {
    const p = planChain(
      [step('frame', 12, 1), step('plate', 4, 1), step('weld', 2, 1)],
      new Map([['weld', ['frame', 'plate']]]),
      start,
    );
    expect(p.completion.toISOString()).toBe('2027-03-15T00:00:00.000Z');
  });

  it('counts the border crossings between consecutive steps', () => {
    const p = planChain(
      [step('cut', 1, 1, 'PL'), step('weld', 1, 1, 'LT'), step('coat', 1, 1, 'PL')],
      new Map([
        ['weld', ['cut']],
        ['coat', ['weld']],
      ]),
      start,
    );
    expect(p.borderCrossings).toBe(2);
  });

  it('has no total when a price could not be converted', () => {
    expect(planChain([step('cut', 1, null), step('weld', 1, 5)], new Map(), start).totalMinor).toBeNull();
  });
});
