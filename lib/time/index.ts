export * from './zone';
export * from './calendar';
