import { candidateInPracticum, offeredCandidate, province, scheduler } from '../candidate/candidate.test-fixtures';
import { candidateDeadlines } from '../candidate/candidate.deadlines';
import type { ActiveCandidate, Offer } from '../candidate/candidate.state';
import { BAC_GIANG_GRADUATE_V1 } from '../definition/bac-giang-graduate.v1';
import { given } from '../shared/specification';
import { candidateDeadlineAudience, roundDeadlineAudience, trainingClassDeadlineAudience } from './deadline-audience';
import { decideReminder, evolveReminder, initialReminderState, type IssueReminder, type ReminderEvent } from './reminder';

const practicum = candidateInPracticum();
const active = practicum.state() as ActiveCandidate;
const [deadline] = candidateDeadlines(active, BAC_GIANG_GRADUATE_V1);
const subject = { streamId: 'candidate-candidate-1', id: 'candidate-1', name: 'Nguyễn Thị Hương Giang' };
const issue = (overrides: Partial<IssueReminder> = {}): IssueReminder => ({
  type: 'IssueReminder',
  actor: scheduler,
  deadlineId: deadline.id,
  daysBefore: 14,
  running: [deadline],
  subject,
  units: candidateDeadlineAudience(active),
  ...overrides,
});
const fourteenDaysBefore = new Date(Date.parse(deadline.dueAt) - 14 * 86_400_000);

describe('a reminder before a deadline', () => {
  it('is issued once its time has come, to the district that acts and the province', () => {
    expect(given(initialReminderState, evolveReminder).when(decideReminder, issue(), fourteenDaysBefore)).toEqual({
      kind: 'accepted',
      events: [
        {
          type: 'DeadlineReminderIssued',
          data: {
            deadlineId: 'candidate-1/practicum-end/1',
            kind: 'practicum-end',
            dueAt: deadline.dueAt,
            daysBefore: 14,
            remindAt: fourteenDaysBefore.toISOString(),
            subject,
            units: ['district-216', 'province'],
          },
        },
      ],
    });
  });

  it('is issued at most once', () => {
    const issued: ReminderEvent = {
      type: 'DeadlineReminderIssued',
      data: { deadlineId: deadline.id, kind: 'practicum-end', dueAt: deadline.dueAt, daysBefore: 14, remindAt: '', subject, units: [] },
    };
    expect(given(initialReminderState, evolveReminder, [issued]).when(decideReminder, issue(), fourteenDaysBefore)).toMatchObject({
      kind: 'ignored',
      reason: expect.stringContaining('already issued'),
    });
  });

  it('waits when it fires early, and is dropped once the deadline itself has come', () => {
    const early = given(initialReminderState, evolveReminder).when(decideReminder, issue(), new Date(fourteenDaysBefore.getTime() - 1));
    expect(early).toMatchObject({
      kind: 'rejected',
      error: { code: 'DEADLINE_NOT_YET_DUE', details: { dueAt: fourteenDaysBefore.toISOString() } },
    });
    const late = given(initialReminderState, evolveReminder).when(decideReminder, issue(), new Date(deadline.dueAt));
    expect(late).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('the deadline itself has come') });
  });

  it('is ignored when its deadline no longer runs (extended, ended early, candidate exited) or has no such reminder', () => {
    const stale = given(initialReminderState, evolveReminder).when(decideReminder, issue({ running: [] }), fourteenDaysBefore);
    expect(stale).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('no longer applies') });
    const unknown = given(initialReminderState, evolveReminder).when(decideReminder, issue({ daysBefore: 5 }), fourteenDaysBefore);
    expect(unknown).toMatchObject({ kind: 'ignored', reason: expect.stringContaining('no such reminder') });
  });

  it('comes only from the scheduler', () => {
    const byHand = given(initialReminderState, evolveReminder).when(decideReminder, issue({ actor: province }), fourteenDaysBefore);
    expect(byHand).toMatchObject({ kind: 'rejected', error: { code: 'ROLE_NOT_ALLOWED' } });
  });
});

describe('who is reminded', () => {
  it('the board of the district running the practicum, then that of the offered commune', () => {
    expect(candidateDeadlineAudience(active)).toEqual(['district-216', 'province']);
    const offered = offeredCandidate().state() as ActiveCandidate & { stage: { kind: 'assignment'; phase: 'offered'; offer: Offer } };
    const inLucNam = { ...offered.stage.offer, commune: { ...offered.stage.offer.commune, districtCode: '218' } };
    expect(candidateDeadlineAudience({ ...offered, stage: { ...offered.stage, offer: inLucNam } })).toEqual(['district-218', 'province']);
  });

  it('the province and every district for a round; the school and the province for a class', () => {
    expect(roundDeadlineAudience(['217', '216', '217'])).toEqual(['province', 'district-216', 'district-217']);
    expect(trainingClassDeadlineAudience()).toEqual(['political-school', 'province']);
  });
});
