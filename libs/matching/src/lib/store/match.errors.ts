export const MatchErrorCode = {
  MATCH_NOT_FOUND: 'MATCH_NOT_FOUND',
  MATCH_STATE_CONFLICT: 'MATCH_STATE_CONFLICT',
} as const;
