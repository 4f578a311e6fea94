import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Matches } from 'class-validator';
import { DEFAULT_TITLES, EXIT_REASONS, PLACEMENT_KINDS, PRIOR_POSITIONS, SUCCESSION_POSTS } from '@app/pipeline';
import { PROVINCE_CODE } from '../http/dto-rules';
import { AdminUnits } from './admin-units';
import { DefinitionsService } from './definitions.service';

export class ProvinceQuery {
  @ApiProperty({ example: '24' })
  @Matches(PROVINCE_CODE, { message: 'a two-digit province code' })
  province!: string;
}

const asList = (list: Record<string, { vi: string; en: string }>) => Object.entries(list).map(([code, label]) => ({ code, ...label }));

/** Reference lists with Vietnamese and English labels, readable by every role. */
@ApiTags('reference')
@ApiBearerAuth()
@Controller('reference')
export class ReferenceController {
  constructor(
    private readonly adminUnits: AdminUnits,
    private readonly definitions: DefinitionsService,
  ) {}

  @Get('titles')
  titles() {
    return asList(DEFAULT_TITLES);
  }

  @Get('exit-reasons')
  exitReasons() {
    return asList(EXIT_REASONS);
  }

  @Get('placement-kinds')
  placementKinds() {
    return asList(PLACEMENT_KINDS);
  }

  @Get('prior-positions')
  priorPositions() {
    return asList(PRIOR_POSITIONS);
  }

  @Get('succession-posts')
  successionPosts() {
    return asList(SUCCESSION_POSTS);
  }

  @Get('definitions')
  pipelineDefinitions() {
    return this.definitions.all();
  }

  @Get('admin-units')
  communes(@Query() { province }: ProvinceQuery) {
    return this.adminUnits.inProvince(province);
  }
}
