export * from './units';
export * from './deadline-audience';
export * from './reminder';
export * from './webhook';
export * from './delivery';
