import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_INTERCEPTOR, APP_PIPE } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import type { ApiConfig } from './config/api-config';
import { AccessGuard } from './auth/access.guard';
import { AccessRepository } from './auth/access.repository';
import { ApiTokensController, AuditController, UsersController } from './auth/admin.controllers';
import { ApiTokensService } from './auth/api-tokens.service';
import { AuditService } from './auth/audit.service';
import { AuthController } from './auth/auth.controller';
import { Authenticator } from './auth/authenticator';
import { SessionsService } from './auth/sessions.service';
import { CallerThrottlerGuard, throttlersOf } from './auth/throttling';
import { UsersService } from './auth/users.service';
import { ErrorsFilter } from './common/errors.filter';
import { RequestTimeoutInterceptor } from './common/request-timeout.interceptor';
import { CallsController } from './calls/calls.controller';
import { CallsRepository } from './calls/calls.repository';
import { CallsService } from './calls/calls.service';
import { ComparisonsController } from './comparisons/comparisons.controller';
import { ComparisonsService } from './comparisons/comparisons.service';
import { HealthController } from './health/health.controller';
import { ReadinessService } from './health/readiness.service';
import type { ApiRuntime } from './infrastructure/runtime';
import { DemoAccess } from './demo/demo-access';
import { DemoSimulation } from './demo/demo-simulation';
import { DemoRepository } from './demo/demo.repository';
import { API_CONFIG, CLICKHOUSE, CLOCK, IN_PROCESS_SOURCE, KAFKA_REACHABLE, type Clock } from './infrastructure/tokens';
import { EVENT_INTAKE } from './intake/event-intake';
import { IntakeController } from './intake/intake.controller';
import { AlertsService } from './live/alerts.service';
import { LiveController } from './live/live.controller';
import { LiveGateway } from './live/live.gateway';
import { LiveRepository } from './live/live.repository';
import { LiveService } from './live/live.service';
import { INGEST_LAG, LIVE_EVENT_SOURCE } from './live/live.tokens';
import { MetricsController } from './metrics/metrics.controller';
import { MetricsRepository } from './metrics/metrics.repository';
import { MetricsService } from './metrics/metrics.service';
import { SettingsController } from './settings/settings.controller';
import { SettingsRepository } from './settings/settings.repository';
import { SettingsService } from './settings/settings.service';
import { ConnectCtrController } from './sources/connect-ctr.controller';
import { ConnectCtrService } from './sources/connect-ctr.service';
import { TrendsController } from './trends/trends.controller';
import { TrendsService } from './trends/trends.service';

function withoutTokens(url: string | undefined): string | undefined {
  return url?.replace(/([?&](?:token|refreshToken)=)[^&#]*/gi, '$1[redacted]');
}

@Module({})
export class AppModule {
  static register(config: ApiConfig, runtime: ApiRuntime, clock: Clock, signingKey: string): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Routine requests at debug: a wallboard polling all day must not flood the log.
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'debug',
            // Kiosk URLs carry their token in the query string: it never reaches the log either.
            serializers: { req: (request: { url?: string }) => ({ ...request, url: withoutTokens(request.url) }) },
            // Bearer tokens and cookies never reach the log.
            // The parsed query sits beside the url in the request log: its tokens go too.
            redact: {
              paths: [
                'req.headers.authorization',
                'req.headers.cookie',
                'res.headers["set-cookie"]',
                'req.query.token',
                'req.query.refreshToken',
              ],
              censor: '[redacted]',
            },
          },
        }),
        JwtModule.register({
          secret: signingKey,
          signOptions: { algorithm: 'HS256', expiresIn: config.auth.accessTokenTtlSeconds, issuer: 'callboard', audience: 'callboard-api' },
          verifyOptions: { algorithms: ['HS256'], issuer: 'callboard', audience: 'callboard-api' },
        }),
        ThrottlerModule.forRoot({ throttlers: throttlersOf(config.limits) }),
      ],
      controllers: [
        MetricsController,
        ComparisonsController,
        TrendsController,
        CallsController,
        SettingsController,
        IntakeController,
        ConnectCtrController,
        LiveController,
        HealthController,
        AuthController,
        UsersController,
        ApiTokensController,
        AuditController,
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: CLICKHOUSE, useValue: runtime.clickHouse },
        { provide: EVENT_INTAKE, useValue: runtime.intake },
        { provide: LIVE_EVENT_SOURCE, useValue: runtime.liveSource },
        { provide: IN_PROCESS_SOURCE, useValue: runtime.inProcessSource },
        { provide: INGEST_LAG, useValue: runtime.ingestLag },
        { provide: KAFKA_REACHABLE, useValue: runtime.kafkaReachable },
        { provide: CLOCK, useValue: clock },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
        // In this order: the throttler counts the caller the access guard identified.
        { provide: APP_GUARD, useClass: AccessGuard },
        { provide: APP_GUARD, useClass: CallerThrottlerGuard },
        { provide: APP_INTERCEPTOR, useClass: RequestTimeoutInterceptor },
        AccessRepository,
        Authenticator,
        AuditService,
        SessionsService,
        UsersService,
        ApiTokensService,
        SettingsRepository,
        SettingsService,
        MetricsRepository,
        MetricsService,
        ComparisonsService,
        TrendsService,
        CallsRepository,
        CallsService,
        LiveRepository,
        LiveService,
        AlertsService,
        LiveGateway,
        DemoRepository,
        DemoSimulation,
        DemoAccess,
        ConnectCtrService,
        ReadinessService,
      ],
    };
  }
}
