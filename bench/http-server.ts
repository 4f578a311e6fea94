import 'reflect-metadata';
import { Body, Controller, HttpCode, Module, Post } from '@nestjs/common';
import { loadConfig } from '@app/config';
import { AllowRoles } from '../apps/api/src/auth/auth.decorators';
import { createApi } from '../apps/api/src/create-api';
import { OpenRoundDto } from '../apps/api/src/rounds/round.dto';

/** The baseline route: the same token check and DTO validation as POST /rounds, then nothing. */
@Controller('bench')
class NoOpController {
  @Post('no-op')
  @HttpCode(201)
  @AllowRoles('province-board')
  noOp(@Body() body: OpenRoundDto) {
    return { status: 'accepted', roundId: body.roundId };
  }
}

@Module({ controllers: [NoOpController] })
class NoOpModule {}

/** The API as `npm start` runs it, plus the baseline route, for `npm run bench` to load from another process. */
async function main(): Promise<void> {
  const config = loadConfig();
  const app = await createApi(config, { alongside: [NoOpModule] });
  app.useLogger(['error']);
  await app.listen(config.PORT, '127.0.0.1');
  process.stdout.write(`ready ${config.PORT}\n`);
  process.once('SIGTERM', () => void app.close().then(() => process.exit(0)));
}

main().catch((error) => {
  process.stderr.write(`${(error as Error).stack}\n`);
  process.exit(1);
});
