import { Module } from '@nestjs/common';
import { AppConfig } from '@app/config';
import { AdminUnits } from './admin-units';
import { DefinitionsService } from './definitions.service';
import { ReferenceController } from './reference.controller';

@Module({
  controllers: [ReferenceController],
  providers: [
    { provide: AdminUnits, inject: [AppConfig], useFactory: (config: AppConfig) => AdminUnits.fromFile(config.ADMIN_UNITS_FILE) },
    DefinitionsService,
  ],
  exports: [AdminUnits, DefinitionsService],
})
export class ReferenceModule {}
