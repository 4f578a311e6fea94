export * from './degrees';
export * from './exit-reasons';
export * from './label';
export * from './positions';
export * from './titles';
