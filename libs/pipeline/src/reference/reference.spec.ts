import { DEGREE_LEVELS, STUDY_MODES } from './degrees';
import { EXIT_REASONS } from './exit-reasons';
import { PLACEMENT_KINDS, PRIOR_POSITIONS, SUCCESSION_POSTS } from './positions';
import { DEFAULT_TITLES } from './titles';
import { STEP_KINDS } from '../definition/pipeline-definition';
import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';

const lists = { DEGREE_LEVELS, STUDY_MODES, EXIT_REASONS, PLACEMENT_KINDS, PRIOR_POSITIONS, SUCCESSION_POSTS, DEFAULT_TITLES };

describe('reference data', () => {
  it.each(Object.entries(lists))('%s has a Vietnamese (NFC) and an English label for every code', (_name, list) => {
    for (const [code, label] of Object.entries(list)) {
      expect(code).toMatch(/^[a-z0-9-]+$/);
      expect(label.vi.trim()).not.toBe('');
      expect(label.en.trim()).not.toBe('');
      expect(label.vi).toBe(label.vi.normalize('NFC'));
    }
  });

  it('lists every exit and outcome the provinces report', () => {
    expect(Object.keys(EXIT_REASONS)).toEqual(
      expect.arrayContaining([
        'withdrew',
        'failed-selection',
        'failed-training',
        'dropped-out-of-training',
        'unsatisfactory-practicum',
        'declined-placement',
        'not-placed',
        'illness',
        'death',
        'resigned',
        'transferred',
        'failed-trial',
      ]),
    );
    expect(Object.keys(PRIOR_POSITIONS)).toEqual([...Object.keys(PLACEMENT_KINDS), 'none-graduate-source']);
    expect(PLACEMENT_KINDS['commune-part-time-worker'].vi).toBe('Người hoạt động không chuyên trách cấp xã');
  });

  it('labels every step of the built-in track in both languages', () => {
    for (const step of BAC_GIANG_GRADUATE_V1.steps) {
      expect(STEP_KINDS).toContain(step.kind);
      expect(step.label.vi).not.toBe('');
      expect(step.label.en).not.toBe('');
    }
  });
});
