export * from './pipeline-definition';
export { BAC_GIANG_GRADUATE_V1 } from './bac-giang-graduate.v1';
export { SOURCE_CADRE_18_MONTHS_V1 } from './source-cadre-18-months.v1';
export * from './definition-catalog';
export { validateDefinition } from './validate-definition';
