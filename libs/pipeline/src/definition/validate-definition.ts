import { EXIT_REASONS } from '../reference/exit-reasons';
import { isCode } from '../reference/label';
import type { PipelineDefinition, StepDefinition } from './pipeline-definition';

/** Every problem with a definition, each naming where it is; empty when the definition can be published. */
export function validateDefinition(definition: PipelineDefinition): string[] {
  const problems: string[] = [];
  if (!/^[a-z0-9-]+$/.test(definition.id)) problems.push('id: lowercase letters, digits and hyphens only');
  if (!Number.isInteger(definition.version) || definition.version < 1) problems.push('version: an integer ≥ 1');
  const ids = new Set<string>();
  definition.steps.forEach((step, index) => {
    if (ids.has(step.id)) problems.push(`steps[${index}].id: "${step.id}" is used twice`);
    ids.add(step.id);
    problems.push(...validateStep(step, `steps[${index}]`));
  });
  const kinds = definition.steps.map((step) => step.kind);
  if (kinds[0] !== 'needs') problems.push('steps[0]: a programme starts by registering needs');
  if (kinds.filter((kind) => kind === 'needs').length > 1) problems.push('steps: needs are registered once');
  if (!kinds.some((kind) => kind !== 'needs')) problems.push('steps: at least one step for candidates');
  const assignmentAt = kinds.indexOf('assignment');
  if (assignmentAt >= 0 && assignmentAt !== kinds.length - 1) problems.push('steps: commune assignment comes last');
  if (kinds.includes('selection') && !definition.selection) problems.push('selection: rules are required by the selection step');
  if (kinds.includes('assignment') && !definition.assignment) problems.push('assignment: rules are required by the assignment step');
  if (!definition.registrationReminderDaysBefore.every(isWholeDays)) problems.push('registrationReminderDaysBefore: whole days ≥ 1');
  if (definition.assignment) {
    const { acceptanceWindowDays, trialMonths, acceptanceReminderDaysBefore, trialReminderDaysBefore } = definition.assignment;
    if (!isWholeDays(acceptanceWindowDays)) problems.push('assignment.acceptanceWindowDays: whole days ≥ 1');
    if (!Number.isInteger(trialMonths) || trialMonths < 1) problems.push('assignment.trialMonths: whole months ≥ 1');
    if (![...acceptanceReminderDaysBefore, ...trialReminderDaysBefore].every(isWholeDays))
      problems.push('assignment reminders: whole days ≥ 1');
  }
  if (definition.selection) {
    const { test, academic, interview } = definition.selection.weights;
    if ([test, academic, interview].some((weight) => !(weight >= 0))) problems.push('selection.weights: each ≥ 0');
    if (Math.abs(test + academic + interview - 1) > 1e-9) problems.push('selection.weights: must sum to 1');
    if (definition.selection.passMark < 0 || definition.selection.passMark > 100) problems.push('selection.passMark: between 0 and 100');
  }
  if (definition.target) {
    const { minSources, maxSources, by } = definition.target;
    if (!(Number.isInteger(minSources) && minSources >= 1 && Number.isInteger(maxSources) && maxSources >= minSources))
      problems.push('target: whole numbers, 1 ≤ minSources ≤ maxSources');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(by) || Number.isNaN(Date.parse(by))) problems.push('target.by: a date YYYY-MM-DD');
  }
  for (const reason of definition.allowedExitReasons) {
    if (!isCode(EXIT_REASONS, reason)) problems.push(`allowedExitReasons: "${reason}" is not a known exit reason`);
  }
  return problems;
}

function isWholeDays(days: number): boolean {
  return Number.isInteger(days) && days >= 1;
}

function validateStep(step: StepDefinition, at: string): string[] {
  const problems: string[] = [];
  const timed = step.kind === 'training' || step.kind === 'practicum';
  if (timed && !step.duration) problems.push(`${at}.duration: required for a ${step.kind} step`);
  if (step.duration) {
    const { minMonths, maxMonths } = step.duration;
    if (!(minMonths >= 1 && maxMonths >= minMonths)) problems.push(`${at}.duration: 1 ≤ minMonths ≤ maxMonths`);
  }
  const partIds = (step.parts ?? []).map((part) => part.id);
  if (new Set(partIds).size !== partIds.length) problems.push(`${at}.parts: each part id once`);
  if (!(step.reminderDaysBefore ?? []).every(isWholeDays)) {
    problems.push(`${at}.reminderDaysBefore: whole days ≥ 1`);
  }
  return problems;
}
