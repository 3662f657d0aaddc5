import { Body, Controller, Get, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams } from '../common/query-params';
import { settingsSchema, settingsUpdateSchema } from './settings.schema';
import { SettingsService } from './settings.service';

class TenantQueryDto extends createZodDto(z.object({ tenant: filterParams.tenant }).strict()) {}
class SettingsDto extends createZodDto(settingsSchema) {}
class SettingsUpdateDto extends createZodDto(settingsUpdateSchema) {}

@ApiTags('settings')
@Controller('settings')
export class SettingsController {
  constructor(private readonly settings: SettingsService) {}

  @Get()
  @ApiOperation({ summary: 'The centre timezone, the default queue settings, and every queue with overrides (METRICS.md "Settings")' })
  @ApiOkResponse({ type: SettingsDto })
  get(@Query() query: TenantQueryDto): Promise<SettingsDto> {
    return this.settings.get(query.tenant);
  }

  @Put()
  @ApiOperation({ summary: "Change the timezone, the defaults, or queues' overrides; answers with the settings now in force" })
  @ApiOkResponse({ type: SettingsDto })
  put(@Query() query: TenantQueryDto, @Body() update: SettingsUpdateDto): Promise<SettingsDto> {
    return this.settings.update(query.tenant, update);
  }
}
