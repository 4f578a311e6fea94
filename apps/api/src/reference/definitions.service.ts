import { Injectable } from '@nestjs/common';
import { builtInCatalog, findDefinition, latestDefinition, type DefinitionCatalog, type PipelineDefinition } from '@app/pipeline';
import { problem, ProblemException } from '../http/problem';

/** Published pipeline definitions. Built-in ones for now; publishing through the API comes later. */
@Injectable()
export class DefinitionsService {
  private readonly catalog: DefinitionCatalog = builtInCatalog();

  all(): PipelineDefinition[] {
    return [...this.catalog.values()].flatMap((versions) => [...versions.values()]);
  }

  /** A version, or undefined when unknown (for labels, where a missing one is no error). */
  find(id: string, version: number): PipelineDefinition | undefined {
    return findDefinition(this.catalog, id, version);
  }

  /** A version, or the latest when none is given; 404 when unknown. */
  get(id: string, version?: number): PipelineDefinition {
    const found = version === undefined ? latestDefinition(this.catalog, id) : findDefinition(this.catalog, id, version);
    if (!found)
      throw new ProblemException(problem(404, 'DEFINITION_NOT_FOUND', `no pipeline definition ${id}${version ? ` v${version}` : ''}`));
    return found;
  }
}
