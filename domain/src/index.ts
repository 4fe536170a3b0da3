// @gridwatch/domain: the rules the api, the seeds and the console share, written once.
export * from './enums';
export * from './case-transitions';
export * from './working-calendar';
export * from './unit-levels';
export * from './codes/credit-code';
export * from './codes/division-code';
export * from './codes/source-code';
