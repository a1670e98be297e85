export * from './lib/kpi-definitions';
export * from './lib/core/periods';
export * from './lib/core/fact';
export * from './lib/core/metric-event';
export * from './lib/core/cells';
export * from './lib/core/figures';
export * from './lib/core/recompute';
