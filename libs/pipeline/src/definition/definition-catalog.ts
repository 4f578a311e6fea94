import type { DomainError } from '../shared/decision';
import { BAC_GIANG_GRADUATE_V1 } from './bac-giang-graduate.v1';
import type { PipelineDefinition } from './pipeline-definition';
import { SOURCE_CADRE_18_MONTHS_V1 } from './source-cadre-18-months.v1';
import { validateDefinition } from './validate-definition';

/** Published definitions by id and version. Immutable: publishing returns a new catalog. */
export type DefinitionCatalog = ReadonlyMap<string, ReadonlyMap<number, PipelineDefinition>>;

export const BUILT_IN_DEFINITIONS: readonly PipelineDefinition[] = [BAC_GIANG_GRADUATE_V1, SOURCE_CADRE_18_MONTHS_V1];

export function emptyCatalog(): DefinitionCatalog {
  return new Map();
}

/**
 * Adds a version. Versions only grow and a published one never changes, so a
 * candidate that started under version N keeps exactly the rules of N.
 */
export function publishDefinition(catalog: DefinitionCatalog, definition: PipelineDefinition): DefinitionCatalog | DomainError {
  const problems = validateDefinition(definition);
  if (problems.length > 0) {
    return { code: 'INVALID_DEFINITION', message: `definition ${definition.id} v${definition.version} is invalid`, details: { problems } };
  }
  const versions = catalog.get(definition.id) ?? new Map<number, PipelineDefinition>();
  const latest = Math.max(0, ...versions.keys());
  if (definition.version !== latest + 1) {
    return {
      code: 'DEFINITION_VERSION_NOT_NEXT',
      message: `definition ${definition.id} is at version ${latest}; the next must be ${latest + 1}`,
      details: { latest, given: definition.version },
    };
  }
  const frozen = deepFreeze(structuredClone(definition));
  const next = new Map(catalog);
  next.set(definition.id, new Map(versions).set(definition.version, frozen));
  return next;
}

/** A published version must not change under running candidates, not even one nested number. */
function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(deepFreeze);
    Object.freeze(value);
  }
  return value;
}

export function findDefinition(catalog: DefinitionCatalog, id: string, version: number): PipelineDefinition | undefined {
  return catalog.get(id)?.get(version);
}

export function latestDefinition(catalog: DefinitionCatalog, id: string): PipelineDefinition | undefined {
  const versions = catalog.get(id);
  return versions ? versions.get(Math.max(...versions.keys())) : undefined;
}

export function builtInCatalog(): DefinitionCatalog {
  return BUILT_IN_DEFINITIONS.reduce<DefinitionCatalog>((catalog, definition) => {
    const published = publishDefinition(catalog, definition);
    if ('code' in published) throw new Error(`built-in ${published.message}: ${JSON.stringify(published.details)}`);
    return published;
  }, emptyCatalog());
}
