import { Module } from '@nestjs/common';
import { AuditController } from './audit.controller';
import { AuditStates } from './audit-states';
import { AuditStatesController } from './audit-states.controller';

/** Auditors' read-only routes: history, exports, verification and state at a past moment. */
@Module({
  controllers: [AuditController, AuditStatesController],
  providers: [AuditStates],
})
export class AuditModule {}
