import type { AppliedRate } from '../exchange-rate.rows';
import type { RateImportResult } from '../exchange-rate.service';
import type { ExchangeRateModel } from './exchange-rate.model';
import type { ExchangeRateImportModel } from './exchange-rate-import.model';
import type { RateSourceCode } from './rates.enums';

/** A chosen rate as "1 from = rate to". */
export function presentExchangeRate(r: AppliedRate): ExchangeRateModel {
  return {
    source: r.source as RateSourceCode,
    base: r.from,
    quote: r.to,
    rate: r.rate,
    inverse: r.inverse,
    effectiveDate: r.effectiveDate,
    tableNo: r.tableNo,
  };
}

export function presentRateImport(r: RateImportResult): ExchangeRateImportModel {
  return { ...r, source: r.source as RateSourceCode };
}
