import { Body, Controller, Get, HttpCode, Post, Req } from '@nestjs/common';
import { ApiBearerAuth, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { LoginDto, PrincipalDto, RefreshDto, SessionTokensDto } from './access.dto';
import { Public } from './public.decorator';
import { CurrentPrincipal, Roles, type AuthenticatedRequest } from './roles.decorator';
import { ROLES, type Principal } from './roles';
import { SessionsService, type SessionTokens } from './sessions.service';
import { SignInAttempts } from './throttling';

@ApiTags('auth')
@Controller('auth')
export class AuthController {
  constructor(private readonly sessions: SessionsService) {}

  @Post('login')
  @Public()
  @SignInAttempts()
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in with a username and password: an access token and a refresh token' })
  @ApiOkResponse({ type: SessionTokensDto })
  @ApiUnauthorizedResponse({ description: 'wrong username or password (the same answer for either)' })
  login(@Body() body: LoginDto, @Req() request: AuthenticatedRequest): Promise<SessionTokens> {
    return this.sessions.login(body.username, body.password, request.ip ?? '');
  }

  @Post('refresh')
  @Public()
  @SignInAttempts()
  @HttpCode(200)
  @ApiOperation({ summary: 'New tokens for a refresh token; each refresh token works once, and reusing one ends the session' })
  @ApiOkResponse({ type: SessionTokensDto })
  refresh(@Body() body: RefreshDto, @Req() request: AuthenticatedRequest): Promise<SessionTokens> {
    return this.sessions.refresh(body.refreshToken, request.ip ?? '');
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  @ApiOperation({ summary: 'End the session of a refresh token; its access tokens stop working within seconds' })
  @ApiNoContentResponse()
  logout(@Body() body: RefreshDto, @Req() request: AuthenticatedRequest): Promise<void> {
    return this.sessions.logout(body.refreshToken, request.ip ?? '');
  }

  @Get('me')
  @Roles(...ROLES)
  @ApiBearerAuth()
  @ApiOperation({ summary: 'Who the bearer token belongs to: role, tenant, and the queues and teams it is limited to' })
  @ApiOkResponse({ type: PrincipalDto })
  me(@CurrentPrincipal() principal: Principal): PrincipalDto {
    const { kind, id, name, role, tenant, queues, teams } = principal;
    return { kind, id, name, role, tenant, queues, teams };
  }
}
