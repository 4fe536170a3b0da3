// The enums alone, for the console's bundle (`@gridwatch/domain/enums`): no calendar, no validators.
export * from './case';
export * from './deadline';
export * from './department';
export * from './grid';
export * from './person';
export * from './role';
export * from './source';
