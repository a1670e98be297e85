export * from './lib/scoring/geo';
export * from './lib/scoring/candidate';
export * from './lib/scoring/score';
export * from './lib/chain/chain-search';
export * from './lib/matching.module';
export * from './lib/retrieval/candidate-retrieval.service';
export * from './lib/ranking/package-ranking.service';
