import { roadKm, straightLineKm } from './geo';

const bialystok = { lat: 53.13, lng: 23.16 };
const alytus = { lat: 54.4, lng: 24.05 };

describe('geo', () => {
  it('measures Białystok – Alytus at about 150 km in a straight line', () => {
    expect(straightLineKm(bialystok, alytus)).toBeGreaterThan(145);
    expect(straightLineKm(bialystok, alytus)).toBeLessThan(160);
  });

  it('estimates about 200 km by road', () => {
    expect(Math.round(roadKm(bialystok, alytus) / 10) * 10).toBe(200);
  });

  it('is zero for one place and symmetric', () => {
    expect(straightLineKm(alytus, alytus)).toBe(0);
    expect(straightLineKm(alytus, bialystok)).toBeCloseTo(straightLineKm(bialystok, alytus), 9);
  });
});
