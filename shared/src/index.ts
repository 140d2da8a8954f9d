export * from './roles';
export * from './ability';
export * from './errors';
export * from './global-id';
export * from './password-policy';
export * from './rules';
export * from './accounts';
