import { Injectable } from '@nestjs/common';
import { DEFAULT_TITLES, type PipelineDefinition, type ProgrammeTarget } from '@app/pipeline';
import { AdminUnits } from '../reference/admin-units';
import { DefinitionsService } from '../reference/definitions.service';

type DefinitionRef = { id: string; version: number };

/**
 * Names for the codes the read models store: districts from the
 * administrative units, steps and targets from the pipeline definitions,
 * titles from the reference list. Added at query time, so a renamed label
 * needs no rebuild.
 */
@Injectable()
export class ReportLabels {
  constructor(
    private readonly adminUnits: AdminUnits,
    private readonly definitions: DefinitionsService,
  ) {}

  districtName(code: string | null): string | null {
    return code === null ? null : (this.adminUnits.districtName(code) ?? null);
  }

  titleName(code: string): string | null {
    return (DEFAULT_TITLES as Record<string, { vi: string }>)[code]?.vi ?? null;
  }

  stepName(definition: DefinitionRef, stepId: string): string | null {
    if (stepId === 'completed') return 'Hoàn thành chương trình';
    return this.definition(definition)?.steps.find((step) => step.id === stepId)?.label.vi ?? null;
  }

  stepOrder = (definition: DefinitionRef): readonly string[] => this.definition(definition)?.steps.map((step) => step.id) ?? [];

  /** The target set by the newest version of a programme that sets one. */
  targetOf = (programme: string): ProgrammeTarget | undefined =>
    this.definitions
      .all()
      .filter((definition) => definition.id === programme && definition.target)
      .sort((a, b) => b.version - a.version)[0]?.target;

  /** The programmes some version of which sets a target. */
  targetedProgrammes = (): string[] => [
    ...new Set(
      this.definitions
        .all()
        .filter((definition) => definition.target)
        .map((definition) => definition.id),
    ),
  ];

  /** A map lookup: labels are asked for once per row. */
  private definition({ id, version }: DefinitionRef): PipelineDefinition | undefined {
    return this.definitions.find(id, version);
  }
}
