export * from './roles';
export * from './ability';
export * from './errors';
export * from './global-id';
