import { Body, Controller, Get, Put, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { actorOf, AuditService } from '../auth/audit.service';
import { SETTINGS_EDITORS, WATCHERS, type Principal } from '../auth/roles';
import { CurrentPrincipal, Roles, type AuthenticatedRequest } from '../auth/roles.decorator';
import { authoriseTenant, seesWholeCentre } from '../auth/scope';
import { createZodDto } from 'nestjs-zod';
import { z } from 'zod';
import { filterParams } from '../common/query-params';
import { settingsSchema, settingsUpdateSchema } from './settings.schema';
import { SettingsService } from './settings.service';

class TenantQueryDto extends createZodDto(z.object({ tenant: filterParams.tenant }).strict()) {}
class SettingsDto extends createZodDto(settingsSchema) {}
class SettingsUpdateDto extends createZodDto(settingsUpdateSchema) {}

@ApiTags('settings')
@ApiBearerAuth()
@Controller('settings')
export class SettingsController {
  constructor(
    private readonly settings: SettingsService,
    private readonly audit: AuditService,
  ) {}

  @Get()
  @ApiOperation({ summary: 'The centre timezone, the default queue settings, and every queue with overrides (METRICS.md "Settings")' })
  @ApiOkResponse({ type: SettingsDto })
  @Roles(...WATCHERS)
  async get(@CurrentPrincipal() principal: Principal, @Query() query: TenantQueryDto): Promise<SettingsDto> {
    authoriseTenant(principal, query.tenant);
    const settings = await this.settings.get(query.tenant);
    if (seesWholeCentre(principal)) return settings;
    // Other queues' names and targets are none of a supervisor's or a TV's business.
    const mine = new Set(principal.queues ?? []);
    return { ...settings, queues: Object.fromEntries(Object.entries(settings.queues).filter(([queue]) => mine.has(queue))) };
  }

  @Put()
  @ApiOperation({ summary: "Change the timezone, the defaults, or queues' overrides; answers with the settings now in force" })
  @ApiOkResponse({ type: SettingsDto })
  @Roles(...SETTINGS_EDITORS)
  async put(
    @CurrentPrincipal() principal: Principal,
    @Query() query: TenantQueryDto,
    @Body() update: SettingsUpdateDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<SettingsDto> {
    authoriseTenant(principal, query.tenant);
    const settings = await this.settings.update(query.tenant, update);
    await this.audit.record({
      action: 'settings.changed',
      actor: actorOf(principal),
      target: changedParts(update),
      tenant: query.tenant,
      ip: request.ip,
      details: { ...update },
    });
    return settings;
  }
}

/** What a change touched, as the audit log's target: `timezone`, `defaults`, `queue:<name>`, comma-separated. */
function changedParts(update: SettingsUpdateDto): string {
  const queues = Object.keys(update.queues ?? {}).map((queue) => `queue:${queue}`);
  return [...(update.timezone ? ['timezone'] : []), ...(update.defaults ? ['defaults'] : []), ...queues].join(',');
}
