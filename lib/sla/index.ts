export * from './intervals';
export * from './policy';
export * from './compute';
