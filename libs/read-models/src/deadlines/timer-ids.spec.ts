import { deadlineId } from '@app/pipeline';
import { deadlineVersion, fireJobId, reminderJobId } from './timer-ids';

describe('timer job ids', () => {
  it('are made of the stream, the kind of period and its version, without ":"', () => {
    const id = deadlineId('bg-2026-1a2b3c4d5e6f7a8b', 'practicum-end', 3);
    expect(deadlineVersion(id)).toBe(3);
    expect(fireJobId('candidate-bg-2026-1a2b3c4d5e6f7a8b', 'practicum-end', 3)).toBe(
      'candidate-bg-2026-1a2b3c4d5e6f7a8b--practicum-end--v3',
    );
    expect(reminderJobId('round-bg-2026', 'registration-window-close', 1, 7)).toBe('round-bg-2026--registration-window-close--v1--r7d');
    expect(reminderJobId('round-bg-2026', 'registration-window-close', 1, 7)).not.toContain(':');
  });

  it('refuse a deadline id without a version', () => {
    expect(() => deadlineVersion('bg-2026/practicum-end/x')).toThrow('does not end with a version');
  });
});
