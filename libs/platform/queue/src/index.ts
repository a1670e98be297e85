export * from './lib/queue-names';
export * from './lib/job-options';
export * from './lib/queue-connection';
export * from './lib/queue-registry';
export * from './lib/job-handler';
