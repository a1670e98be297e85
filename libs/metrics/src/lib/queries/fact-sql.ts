/** SQL fragments over metrics_fact rows shared by the KPI queries (`alias` names the fact row). */
const UUID_RE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

/** The fact's subject as a uuid when it is one (an offer, order, quote or work package), else null. */
export const subjectUuidSql = (alias: string) =>
  `CASE WHEN ${alias}.subject ~* '^${UUID_RE}$' THEN ${alias}.subject::uuid END`;

/** The order of the fact's partition (`order:<id>`, see core/metric-event.ts), else null. */
export const partitionOrderSql = (alias: string) =>
  `CASE WHEN ${alias}.partition ~* '^order:${UUID_RE}$' THEN substr(${alias}.partition, 7)::uuid END`;
