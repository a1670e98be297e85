import type { DataSource } from 'typeorm';
import { computeLtCompanyCodeCheckDigit, computeNipCheckDigit } from '@kooperant/identity';
import { TAXONOMY_SEED } from '@kooperant/catalogue';
import { foldText, type Locale } from '@kooperant/platform-i18n';
import { seededRandom } from '@kooperant/platform-testing/random';

const CITIES: Record<'PL' | 'LT', readonly (readonly [string, number, number, string])[]> = {
  PL: [
    ['Białystok', 53.13, 23.16, '15'] as const,
    ['Suwałki', 54.1, 22.93, '16'],
    ['Augustów', 53.84, 22.98, '16'],
    ['Łomża', 53.18, 22.07, '18'],
    ['Sokółka', 53.41, 23.5, '16'],
  ],
  LT: [
    ['Alytus', 54.4, 24.05, '62'],
    ['Kaunas', 54.9, 23.89, '44'],
    ['Vilnius', 54.69, 25.28, '01'],
    ['Marijampolė', 54.56, 23.35, '68'],
    ['Druskininkai', 54.02, 23.97, '66'],
  ],
};

const WORDS: Record<Locale, { series: string; parts: string; tolerance: string; adjectives: string[] }> = {
  pl: {
    series: 'serie',
    parts: 'części',
    tolerance: 'tolerancja',
    adjectives: ['precyzyjne', 'seryjne', 'jednostkowe', 'wielkogabarytowe', 'kompleksowe'],
  },
  lt: {
    series: 'serijos',
    parts: 'detalės',
    tolerance: 'tolerancija',
    adjectives: ['tikslios', 'serijinės', 'vienetinės', 'didelių gabaritų', 'kompleksinės'],
  },
  en: {
    series: 'batches',
    parts: 'parts',
    tolerance: 'tolerance',
    adjectives: ['precision', 'series', 'one-off', 'large', 'complete'],
  },
};

/**
 * Adds `firms` verified firms (half Polish, half Lithuanian, valid identifiers) and `offers` published offers,
 * written in their firms' languages from taxonomy labels, for benchmarks. Bulk SQL, not the services:
 * 100,000 offers through the API would take far longer than the benchmark itself.
 */
export async function seedScale(
  db: DataSource,
  offers: number,
  firms: number,
  log: (s: string) => void,
): Promise<void> {
  const started = Date.now();
  const r = seededRandom(20261126);
  const tax: { id: string; code: string; kind: string }[] = await db.query(`SELECT id, code, kind FROM taxonomy_entry`);
  const idOf = new Map(tax.map((t) => [t.code, t.id]));
  const leafProcesses = TAXONOMY_SEED.filter(
    (e) => e.kind === 'process' && !TAXONOMY_SEED.some((c) => c.parentCode === e.code),
  );
  const materials = TAXONOMY_SEED.filter((e) => e.kind === 'material');
  const certs = TAXONOMY_SEED.filter((e) => e.kind === 'certification');
  const clusters: { id: string; country: string }[] = await db.query(`SELECT id, country FROM cluster`);
  if (clusters.length === 0) throw new Error('seed the demo data first (clusters are needed)');
  const [{ n: existing }] = await db.query(`SELECT count(*)::int AS n FROM firm WHERE name LIKE 'Scale %'`);

  const firmRows: { id: string; country: 'PL' | 'LT'; lang: Locale; lat: number; lng: number }[] = [];
  for (let start = 0; start < firms; start += 500) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = start; i < Math.min(firms, start + 500); i++) {
      const n = existing + i;
      const country: 'PL' | 'LT' = i % 2 === 0 ? 'PL' : 'LT';
      const [city, lat, lng, zip] = r.pick(CITIES[country]);
      let nip: string | null = null;
      let code: string | null = null;
      if (country === 'PL') {
        for (let k = 0; ; k++) {
          const first9 = String(700_000_000 + ((n * 7919 + k) % 299_999_999)).padStart(9, '0');
          const c = computeNipCheckDigit(first9);
          if (c !== null) {
            nip = first9 + c;
            break;
          }
        }
      } else {
        const first8 = String(30_000_000 + ((n * 104_729) % 9_999_999)).padStart(8, '0');
        code = first8 + computeLtCompanyCodeCheckDigit(first8);
      }
      const p = values.length;
      tuples.push(
        `($${p + 1}, $${p + 2}, $${p + 3}, $${p + 4}, $${p + 5}, $${p + 6}, $${p + 7}, $${p + 8}, $${p + 9}, $${p + 10}, $${p + 11}, 1)`,
      );
      values.push(
        `Scale ${country} ${String(n).padStart(5, '0')}`,
        country,
        nip,
        code,
        `Scale street ${n}`,
        city,
        country === 'PL' ? `${zip}-${String(100 + (n % 900))}` : `LT-${zip}${String(100 + (n % 900))}`,
        lat + r.next() * 0.2 - 0.1,
        lng + r.next() * 0.2 - 0.1,
        country === 'PL' ? ['pl', 'en'] : ['lt', 'en'],
        r.pick(['micro', 'small', 'medium', 'large']),
      );
    }
    const rows: { id: string; country: 'PL' | 'LT'; lat: number; lng: number }[] = await db.query(
      `INSERT INTO firm (name, country, nip, company_code, street, city, postcode, lat, lng, languages, size_class, version)
       VALUES ${tuples.join(', ')}
       ON CONFLICT DO NOTHING RETURNING id, country, lat, lng`,
      values,
    );
    for (const row of rows) firmRows.push({ ...row, lang: row.country === 'PL' ? 'pl' : 'lt' });
  }
  for (const c of clusters) {
    await db.query(
      `INSERT INTO cluster_membership (firm_id, cluster_id, status, decided_at)
       SELECT id, $1, 'verified', now() FROM firm WHERE country = $2 AND name LIKE 'Scale %'
       ON CONFLICT DO NOTHING`,
      [c.id, c.country],
    );
  }
  log(`scale: ${firmRows.length} firms in ${Date.now() - started} ms`);

  const now = Date.now();
  for (let start = 0; start < offers; start += 1000) {
    const values: unknown[] = [];
    const tuples: string[] = [];
    for (let i = start; i < Math.min(offers, start + 1000); i++) {
      const firm = firmRows[i % firmRows.length];
      const lang: Locale = r.next() < 0.15 ? 'en' : firm.lang;
      const procs = [r.pick(leafProcesses), ...(r.next() < 0.3 ? [r.pick(leafProcesses)] : [])];
      const mats = r.next() < 0.8 ? [r.pick(materials), ...(r.next() < 0.3 ? [r.pick(materials)] : [])] : [];
      const cs = r.next() < 0.4 ? [r.pick(certs)] : [];
      const w = WORDS[lang];
      const adjective = r.pick(w.adjectives);
      const title = `${procs[0].labels[lang]}${mats[0] ? ` – ${mats[0].labels[lang]}` : ''}, ${adjective} ${w.parts}`;
      const minT = r.next() < 0.6 ? r.pick([0.5, 1, 2, 3]) : null;
      const maxT = minT !== null ? minT + r.pick([5, 10, 20, 40]) : null;
      const description = `${procs.map((p) => p.labels[lang]).join(', ')}. ${mats.map((m) => m.labels[lang]).join(', ')}. ${w.series} ${r.int(1, 50)}–${r.int(100, 5000)}; ${w.tolerance} ±${r.pick(['0.01', '0.05', '0.1', '0.5'])} mm.`;
      const processIds = procs.map((p) => idOf.get(p.code) as string);
      const materialIds = mats.map((m) => idOf.get(m.code) as string);
      const certIds = cs.map((c) => idOf.get(c.code) as string);
      const uniq = <T>(xs: T[]) => [...new Set(xs)];
      const p = values.length;
      const ph = Array.from({ length: 21 }, (_, k) => `$${p + k + 1}`);
      tuples.push(`(${ph.join(', ')})`);
      values.push(
        firm.id,
        firm.country,
        'published',
        lang,
        title.slice(0, 200),
        description,
        uniq(processIds),
        uniq(materialIds),
        uniq(certIds),
        uniq([...processIds, ...materialIds, ...certIds]),
        r.pick([500, 1000, 2000, 3000, 6000, 12000]),
        minT,
        maxT,
        r.int(1, 60),
        ...(r.next() < 0.7 ? [r.int(1000, 500_000), firm.country === 'PL' ? 'PLN' : 'EUR', 'pcs'] : [null, null, null]),
        firm.country === 'PL' ? ['PL', 'LT'] : ['LT', 'PL', 'LV'],
        new Date(now + r.int(30, 365) * 86_400_000),
        new Date(now - r.int(0, 300) * 86_400_000),
        foldText(`${title} ${description}`),
      );
    }
    await db.query(
      `INSERT INTO offer (firm_id, firm_country, status, language, title, description, process_ids, material_ids,
         certification_ids, capability_ids, max_part_length_mm, min_thickness_mm, max_thickness_mm, lead_time_days,
         price_minor, price_currency, price_unit, countries_served, valid_until, published_at, search_text)
       SELECT v.firm_id::uuid, v.c::char(2), v.s, v.l, v.t, v.d, v.p::uuid[], v.m::uuid[], v.ce::uuid[], v.cap::uuid[],
         v.len::float8, v.mint::float8, v.maxt::float8, v.lead::int, v.price::bigint, v.cur::char(3), v.unit,
         v.cs::char(2)[], v.vu::timestamptz, v.pa::timestamptz, v.st
       FROM (VALUES ${tuples.join(', ')}) AS v(firm_id, c, s, l, t, d, p, m, ce, cap, len, mint, maxt, lead, price, cur, unit, cs, vu, pa, st)`,
      values,
    );
  }
  await db.query(`VACUUM ANALYZE offer`);
  log(`scale: ${offers} offers in ${Date.now() - started} ms total`);
}
