import type { ExitReason } from '../reference/exit-reasons';

import type { Label } from '../reference/label';

/** What a step does; the candidate decider knows the rules of each kind, the definition sets their numbers. */
export const STEP_KINDS = ['needs', 'selection', 'training', 'practicum', 'assignment'] as const;
export type StepKind = (typeof STEP_KINDS)[number];

/** Allowed length of a period in calendar months; exact when min equals max. */
export interface MonthRange {
  minMonths: number;
  maxMonths: number;
}

export interface StepDefinition {
  id: string;
  kind: StepKind;
  label: Label;
  /** Training and practicum: the allowed length. */
  duration?: MonthRange;
  /** Days before the period's end at which reminders go out. */
  reminderDaysBefore?: number[];
  /** Training: the topics, each certified on passing (chứng chỉ theo chuyên đề). */
  parts?: { id: string; label: Label }[];
}

export interface SelectionRules {
  /** Weights of the three scores (0–100 each); they sum to 1. */
  weights: { test: number; academic: number; interview: number };
  passMark: number;
  /** Order in which ties on the weighted total are broken; earlier application wins last. */
  tieBreak: ('interview' | 'test' | 'academic' | 'appliedAt')[];
}

export interface AssignmentRules {
  acceptanceWindowDays: number;
  acceptanceReminderDaysBefore: number[];
  trialMonths: number;
  trialReminderDaysBefore: number[];
}

export interface EligibilityRules {
  requireUniversityDegree: boolean;
  requireFullTime: boolean;
}

/**
 * What a programme is meant to produce: sources (candidates who complete it
 * and are kept for succession planning) by a date. Bắc Giang's scheme wants
 * 400–500 commune cadres by 2025.
 */
export interface ProgrammeTarget {
  minSources: number;
  maxSources: number;
  /** Last day (Vietnam date, YYYY-MM-DD) the target counts up to. */
  by: string;
}

/** A programme as data: publishing a new version changes no running candidate. */
export interface PipelineDefinition {
  id: string;
  version: number;
  name: Label;
  /** In order. Candidates move through every kind but 'needs', which belongs to the round. */
  steps: StepDefinition[];
  registrationReminderDaysBefore: number[];
  eligibility: EligibilityRules;
  selection?: SelectionRules;
  assignment?: AssignmentRules;
  allowedExitReasons: ExitReason[];
  /** Outcome fields a candidate must carry for the province's reports. */
  requiredOutcomeFields: ('priorPosition' | 'placementKind')[];
  /** The programme's target, reported against by the programme-target read model. */
  target?: ProgrammeTarget;
}
