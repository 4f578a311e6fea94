import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { randomUUID } from 'node:crypto';
import { loadConfig } from '@app/config';
import { BAC_GIANG_GRADUATE_V1, DEFAULT_TITLES, type Actor, type RoundCommand } from '@app/pipeline';
import { ApiModule } from '../api.module';
import type { CommandContext } from '../commands/stream-commands';
import { ProblemException } from '../http/problem';
import { AdminUnits } from '../reference/admin-units';
import { RunRoundCommand } from '../rounds/round-command.handler';

const PROVINCE = '24';
const TITLES = Object.keys(DEFAULT_TITLES);
const province: Actor = { id: 'demo-ban-to-chuc-tinh-uy', role: 'province-board' };

/**
 * `npm run demo`: a populated system in one command. Opens a round for Bắc
 * Giang, has each of its 10 district boards register one need per commune
 * (230, titles in turn), and approves them all.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await NestFactory.createApplicationContext(ApiModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const bus = app.get(CommandBus);
    const communes = app.get(AdminUnits).inProvince(PROVINCE);
    const correlationId = `demo-${randomUUID()}`;
    const context = (actor: Actor): CommandContext => ({ actor, correlationId, causationId: `cli:${correlationId}` });
    const run = (command: RoundCommand) => bus.execute(new RunRoundCommand(command, context(command.actor)));
    const roundId = `bac-giang-demo-${new Date().getFullYear()}`;
    const now = Date.now();
    const opened = await run({
      type: 'OpenRound',
      actor: province,
      roundId,
      name: `Đợt tuyển chọn nguồn cán bộ xã năm ${new Date().getFullYear()} (dữ liệu mẫu)`,
      provinceCode: PROVINCE,
      definition: { id: BAC_GIANG_GRADUATE_V1.id, version: BAC_GIANG_GRADUATE_V1.version },
      registrationOpensAt: new Date(now - 60_000).toISOString(),
      registrationClosesAt: new Date(now + 30 * 86_400_000).toISOString(),
      registrationReminderDaysBefore: [...BAC_GIANG_GRADUATE_V1.registrationReminderDaysBefore],
      titles: TITLES,
      selectionRules: BAC_GIANG_GRADUATE_V1.selection!,
    }).catch((error: unknown) => {
      if (error instanceof ProblemException && error.problem.code === 'ROUND_ALREADY_OPENED') return undefined;
      throw error;
    });
    if (!opened) {
      process.stdout.write(`round ${roundId} is already there; nothing to do\n`);
      return;
    }
    for (const [index, commune] of communes.entries()) {
      const board: Actor = { id: `demo-ban-to-chuc-huyen-${commune.districtCode}`, role: 'district-board', district: commune.districtCode };
      const needId = `need-${commune.code}`;
      const communeRef = { code: commune.code, name: commune.name, districtCode: commune.districtCode };
      await run({
        type: 'RegisterNeed',
        actor: board,
        roundId,
        needId,
        commune: communeRef,
        title: TITLES[index % TITLES.length],
        quantity: 1,
        acceptedMajors: ['Kế toán', 'Luật', 'Quản lý đất đai', 'Công tác xã hội'],
      });
      await run({ type: 'ApproveNeed', actor: province, roundId, needId });
    }
    const districts = new Set(communes.map((commune) => commune.districtCode));
    process.stdout.write(
      `round ${roundId}: ${communes.length} needs registered and approved in ${districts.size} districts of Bắc Giang\n`,
    );
    process.stdout.write(
      `try: curl -H "Authorization: Bearer $(npm run -s token -- --role province-board)" http://localhost:${config.PORT}/rounds/${roundId}\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).message}\n`);
  process.exit(1);
});
