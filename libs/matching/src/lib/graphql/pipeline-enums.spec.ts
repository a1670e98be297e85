import { MATCH_ACTIONS, MATCH_STATUSES } from '../store/package-match.entity';
import { MatchStatusCode } from './matches.model';
import { MatchActionCode } from './pipeline.model';

describe('the GraphQL enums of the pipeline', () => {
  it('list every stored match status, in pipeline order', () => {
    expect(Object.values(MatchStatusCode)).toEqual([...MATCH_STATUSES]);
  });

  it('list every stored match action', () => {
    expect(Object.values(MatchActionCode)).toEqual([...MATCH_ACTIONS]);
  });
});
