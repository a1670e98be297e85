export * from './lib/locale';
export * from './lib/fold';
