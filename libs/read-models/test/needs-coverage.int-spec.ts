import { needsCoverage, needsCoverageProjection } from '@app/read-models';
import { openRound, provinceBoard, tanYenBoard } from '../../pipeline/src/round/round.fixtures';
import { applicantIn, application, candidateIn, offeredCandidate, roundIn, secondApplication } from './journeys';
import { ReadModelFixture } from './read-model-fixture';

const lucNamBoard = { id: 'btc-huyen-uy-luc-nam', role: 'district-board' as const, district: '218' };
const ngocVan = { code: '07351', name: 'Xã Ngọc Vân', districtCode: '216' };
const dongHung = { code: '07450', name: 'Xã Đông Hưng', districtCode: '218' };
const during = '2026-01-20T02:00:00.000Z';

describe('the needs coverage read model', () => {
  let fixture: ReadModelFixture;
  let giang: ReturnType<typeof candidateIn>;

  beforeEach(async () => {
    fixture = new ReadModelFixture([needsCoverageProjection]);
    await fixture.start();
    const round = roundIn(fixture, 'round-2026');
    await round.run(
      {
        ...openRound,
        roundId: 'round-2026',
        registrationOpensAt: '2026-01-05T01:00:00.000Z',
        registrationClosesAt: '2026-02-28T10:00:00.000Z',
      },
      '2026-01-02T02:00:00.000Z',
    );
    const register = (actor: typeof tanYenBoard, needId: string, commune: typeof ngocVan, title: string, quantity: number) =>
      round.run(
        { type: 'RegisterNeed', actor, roundId: 'round-2026', needId, commune, title, quantity, acceptedMajors: ['Kế toán', 'Luật'] },
        during,
      );
    await register(tanYenBoard, 'need-ngoc-van-finance', ngocVan, 'finance-accounting', 2);
    await register(tanYenBoard, 'need-ngoc-van-justice', ngocVan, 'justice-civil-status', 1);
    await register(lucNamBoard, 'need-dong-hung-justice', dongHung, 'justice-civil-status', 1);
    await round.run({ type: 'ApproveNeed', actor: provinceBoard, roundId: 'round-2026', needId: 'need-ngoc-van-finance' }, during);
    await round.run(
      { type: 'WithdrawNeed', actor: tanYenBoard, roundId: 'round-2026', needId: 'need-ngoc-van-justice', reason: 'Sáp nhập xã' },
      during,
    );

    // Giang is placed in Ngọc Vân; An is in training; Cường was not selected; Bình applied in Đông Hưng.
    giang = candidateIn(fixture, offeredCandidate());
    await giang.run({ type: 'AcceptPlacement', actor: tanYenBoard }, '2027-02-12T02:00:00.000Z');
    await applicantIn(
      fixture,
      { ...application, candidateId: 'candidate-3', fullName: 'Trần Văn An' },
      '2026-03-02T02:00:00.000Z',
      'selected',
    );
    await applicantIn(
      fixture,
      { ...application, candidateId: 'candidate-4', fullName: 'Lê Văn Cường' },
      '2026-03-02T02:00:00.000Z',
      'not-selected',
    );
    await candidateIn(fixture).run(secondApplication, '2026-03-03T02:00:00.000Z');
    await fixture.caughtUp();
  });
  afterEach(() => fixture.close());

  const coverage = (filter = {}) => needsCoverage(fixture.db, fixture.tables(needsCoverageProjection), filter);

  it('counts seats per commune × title and where the applicants stand; withdrawn needs drop out', () => {
    expect(coverage()).toEqual([
      {
        roundId: 'round-2026',
        districtCode: '216',
        communeCode: '07351',
        communeName: 'Xã Ngọc Vân',
        title: 'finance-accounting',
        registered: 2,
        approved: 2,
        applicants: 3,
        selected: 2,
        inTraining: 1,
        placed: 1,
        stillOpen: 1,
      },
      {
        roundId: 'round-2026',
        districtCode: '218',
        communeCode: '07450',
        communeName: 'Xã Đông Hưng',
        title: 'justice-civil-status',
        registered: 1,
        approved: 0,
        applicants: 1,
        selected: 0,
        inTraining: 0,
        placed: 0,
        stillOpen: 0,
      },
    ]);
    expect(coverage({ district: '218', title: 'justice-civil-status' }).map((row) => row.communeCode)).toEqual(['07450']);
    expect(coverage({ commune: '07351', roundId: 'other-round' })).toEqual([]);
  });

  it('opens the seat again when a placed person leaves', async () => {
    await giang.run({ type: 'ExitCandidate', actor: tanYenBoard, reason: 'resigned', note: 'Xin nghỉ việc' }, '2027-03-01T02:00:00.000Z');
    await fixture.caughtUp();
    expect(coverage({ commune: '07351' })[0]).toMatchObject({ applicants: 3, selected: 2, placed: 0, stillOpen: 2 });
  });
});
