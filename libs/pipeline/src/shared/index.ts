export * from './actor';
export * from './calendar';
export * from './deadline';
export * from './decision';
export * from './specification';
export * from './text';
