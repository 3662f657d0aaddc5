import { Body, Controller, Delete, Get, Param, Patch, Post, Query, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import {
  ApiTokenDto,
  ApiTokensDto,
  AuditEntriesDto,
  AuditQueryDto,
  IdParamDto,
  NewApiTokenDto,
  NewApiTokenSecretDto,
  NewUserDto,
  UserChangeDto,
  UserDto,
  UsersDto,
} from './access.dto';
import { ApiTokensService } from './api-tokens.service';
import { AuditService } from './audit.service';
import { CurrentPrincipal, Roles, type AuthenticatedRequest } from './roles.decorator';
import { ADMINS, ALL_TENANTS, type Principal } from './roles';
import { UsersService } from './users.service';

@ApiTags('access')
@ApiBearerAuth()
@Roles(...ADMINS)
@Controller('users')
export class UsersController {
  constructor(private readonly users: UsersService) {}

  @Get()
  @ApiOperation({ summary: 'Every user of your tenant (no password hashes)' })
  @ApiOkResponse({ type: UsersDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<UsersDto> {
    return { users: await this.users.list(principal) };
  }

  @Post()
  @ApiOperation({ summary: 'Create a user; a supervisor needs queues or teams, which limit what they see' })
  @ApiCreatedResponse({ type: UserDto })
  create(@CurrentPrincipal() principal: Principal, @Body() body: NewUserDto, @Req() request: AuthenticatedRequest): Promise<UserDto> {
    return this.users.create(principal, body, request.ip ?? '');
  }

  @Patch(':id')
  @ApiOperation({ summary: "Change a user's password, role, queues, teams, or disable them; their sessions end" })
  @ApiOkResponse({ type: UserDto })
  change(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParamDto,
    @Body() body: UserChangeDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<UserDto> {
    return this.users.change(principal, params.id, body, request.ip ?? '');
  }
}

@ApiTags('access')
@ApiBearerAuth()
@Roles(...ADMINS)
@Controller('tokens')
export class ApiTokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Get()
  @ApiOperation({ summary: 'API tokens of your tenant (never their secrets)' })
  @ApiOkResponse({ type: ApiTokensDto })
  async list(@CurrentPrincipal() principal: Principal): Promise<ApiTokensDto> {
    return { tokens: await this.tokens.list(principal) };
  }

  @Post()
  @ApiOperation({
    summary: 'Create a token for a TV (wallboard, optionally limited to queues) or for event intake; the secret is shown once',
  })
  @ApiCreatedResponse({ type: NewApiTokenSecretDto })
  create(
    @CurrentPrincipal() principal: Principal,
    @Body() body: NewApiTokenDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<NewApiTokenSecretDto> {
    return this.tokens.create(principal, body, request.ip ?? '');
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Revoke a token; every instance refuses it within seconds' })
  @ApiOkResponse({ type: ApiTokenDto })
  revoke(
    @CurrentPrincipal() principal: Principal,
    @Param() params: IdParamDto,
    @Req() request: AuthenticatedRequest,
  ): Promise<ApiTokenDto> {
    return this.tokens.revoke(principal, params.id, request.ip ?? '');
  }
}

@ApiTags('access')
@ApiBearerAuth()
@Roles(...ADMINS)
@Controller('audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  @Get()
  @ApiOperation({ summary: 'The audit log, newest first: sign-ins, tokens, users and settings changes' })
  @ApiOkResponse({ type: AuditEntriesDto })
  async list(@CurrentPrincipal() principal: Principal, @Query() query: AuditQueryDto): Promise<AuditEntriesDto> {
    const tenant = principal.tenant === ALL_TENANTS ? query.tenant : principal.tenant;
    return { entries: await this.audit.recent({ ...query, tenant }) };
  }
}
