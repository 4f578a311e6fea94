import { Module } from '@nestjs/common';
import { AdminUnits } from './admin-units';
import { DefinitionsService } from './definitions.service';
import { ReferenceController } from './reference.controller';

@Module({
  controllers: [ReferenceController],
  providers: [{ provide: AdminUnits, useFactory: () => AdminUnits.fromFile() }, DefinitionsService],
  exports: [AdminUnits, DefinitionsService],
})
export class ReferenceModule {}
