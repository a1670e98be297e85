import { DEFAULT_WEIGHTS, scoreCandidate, scoreTotal } from './score';
import { ALYTUS, BIALYSTOK, candidate, KAUNAS, need, NOW } from './test-fixtures';

const part = (s: ReturnType<typeof scoreCandidate>, name: string) => s.parts.find((p) => p.name === name)!;

describe('scoreCandidate', () => {
  it('explains every part and keeps the total between 0 and 1', () => {
    const s = scoreCandidate(need(), candidate(), NOW);
    expect(s.parts.map((p) => p.name)).toEqual([
      'capability',
      'leadTime',
      'distance',
      'performance',
      'load',
      'crossBorder',
    ]);
    expect(s.parts.every((p) => p.explanation.length > 0)).toBe(true);
    expect(s.total).toBeGreaterThan(0);
    expect(s.total).toBeLessThanOrEqual(1);
  });

  it('prefers the very process to a related one', () => {
    const exact = scoreCandidate(need(), candidate({ processIds: ['welding'] }), NOW);
    const related = scoreCandidate(need(), candidate({ processIds: ['tig'] }), NOW);
    expect(part(exact, 'capability').value).toBeGreaterThan(part(related, 'capability').value);
  });

  it('marks a fit with unstated limits lower, and says which', () => {
    const stated = scoreCandidate(need(), candidate(), NOW);
    const unstated = scoreCandidate(need(), candidate({ maxThicknessMm: null, maxPartLengthMm: null }), NOW);
    expect(part(unstated, 'capability').value).toBeLessThan(part(stated, 'capability').value);
    expect(part(unstated, 'capability').explanation).toContain('thickness and part size limit not stated');
    expect(part(stated, 'capability').explanation).not.toContain('not stated');
  });

  it('gives full lead-time marks with a week to spare and none when late', () => {
    expect(part(scoreCandidate(need(), candidate({ leadTimeDays: 20 }), NOW), 'leadTime').value).toBe(1);
    expect(part(scoreCandidate(need(), candidate({ leadTimeDays: 30 }), NOW), 'leadTime').value).toBe(0);
    expect(part(scoreCandidate(need(), candidate({ leadTimeDays: 26 }), NOW), 'leadTime').value).toBeCloseTo(4 / 7, 2);
  });

  it('scores a firm next door above one 200 km away, and counts the neighbouring steps', () => {
    const near = part(scoreCandidate(need(), candidate({ location: BIALYSTOK }), NOW), 'distance').value;
    const far = part(scoreCandidate(need(), candidate({ location: ALYTUS }), NOW), 'distance').value;
    expect(near).toBe(1);
    expect(far).toBeCloseTo(0.5, 1);
    const withNeighbour = part(
      scoreCandidate(need(), candidate({ location: ALYTUS }), NOW, DEFAULT_WEIGHTS, [KAUNAS]),
      'distance',
    );
    expect(withNeighbour.value).toBeGreaterThan(far);
  });

  it('counts history, load and the cluster weight for crossing the border', () => {
    const good = scoreCandidate(need(), candidate({ onTimeRate: 1, quoteResponseRate: 1 }), NOW);
    const bad = scoreCandidate(need(), candidate({ onTimeRate: 0, quoteResponseRate: 0 }), NOW);
    expect(good.total).toBeGreaterThan(bad.total);
    expect(part(scoreCandidate(need(), candidate({ activePackages: 5 }), NOW), 'load').value).toBe(0.5);
    const lt = candidate({ firmCountry: 'LT', location: BIALYSTOK });
    const plain = scoreCandidate(need(), lt, NOW, { ...DEFAULT_WEIGHTS, crossBorder: 0 });
    const keen = scoreCandidate(need(), lt, NOW, { ...DEFAULT_WEIGHTS, crossBorder: 0.5 });
    expect(keen.total).toBeGreaterThan(plain.total);
  });

  it('rates a firm that answers invitations within a day above one that takes four, and says how fast', () => {
    const quick = scoreCandidate(need(), candidate({ quoteResponseRate: 1, quoteResponseHours: 20 }), NOW);
    const slow = scoreCandidate(need(), candidate({ quoteResponseRate: 1, quoteResponseHours: 96 }), NOW);
    expect(part(quick, 'performance').value).toBeGreaterThan(part(slow, 'performance').value);
    expect(part(slow, 'performance').explanation).toContain('in 96 h on average');
    expect(part(scoreCandidate(need(), candidate(), NOW), 'performance').explanation).toBe(
      'no hand-overs yet, no invitations yet',
    );
  });

  it('ranks by the same total it explains: the weighted mean of the parts, whatever the candidate', () => {
    // A deterministic spread of candidates, needs, weights and neighbouring firms.
    let seed = 7;
    const rnd = () => (seed = (seed * 48271) % 2147483647) / 2147483647;
    const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)];
    const places = [BIALYSTOK, ALYTUS, KAUNAS, { lat: 52.2, lng: 21.0 }];
    for (let i = 0; i < 500; i++) {
      const n = need({
        acceptedMaterialIds: pick([null, ['steel', 's355']]),
        thicknessMm: pick([null, 3, 8]),
        partWidthMm: pick([null, 500]),
        dueDate: new Date(NOW.getTime() + rnd() * 40 * 86_400_000),
        deliveryPlace: pick(places),
      });
      const c = candidate({
        processIds: pick([['mig-mag'], ['welding']]),
        materialIds: pick([[], ['s355']]),
        maxThicknessMm: pick([null, 20]),
        maxPartWidthMm: pick([null, 2000]),
        location: pick(places),
        firmCountry: pick(['PL', 'LT']),
        leadTimeDays: Math.floor(rnd() * 30),
        onTimeRate: pick([null, rnd()]),
        quoteResponseRate: pick([null, rnd()]),
        quoteResponseHours: pick([null, rnd() * 100]),
        activePackages: Math.floor(rnd() * 12),
      });
      const weights = { ...DEFAULT_WEIGHTS, crossBorder: pick([0, 0.05, 0.5]) };
      const neighbours = places.slice(0, Math.floor(rnd() * 3));
      const s = scoreCandidate(n, c, NOW, weights, neighbours);
      const mean =
        s.parts.reduce((sum, p) => sum + p.value * p.weight, 0) / s.parts.reduce((sum, p) => sum + p.weight, 0);
      // Rounded to three decimals: at most half a thousandth away.
      expect(Math.abs(s.total - mean)).toBeLessThanOrEqual(0.0005 + 1e-12);
      expect(scoreTotal(n, c, NOW, weights, neighbours)).toBe(s.total);
    }
  });
});
