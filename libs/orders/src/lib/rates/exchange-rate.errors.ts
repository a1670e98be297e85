export const RateErrorCode = {
  /** No rate of the pair on or before the date, from any source asked for. Details: { from, to, onDate }. */
  EXCHANGE_RATE_MISSING: 'EXCHANGE_RATE_MISSING',
} as const;
