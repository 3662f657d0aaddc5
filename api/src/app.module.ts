import { Module, type DynamicModule } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { LoggerModule } from 'nestjs-pino';
import { ZodValidationPipe } from 'nestjs-zod';
import type { ApiConfig } from './config/api-config';
import { ErrorsFilter } from './common/errors.filter';
import { CallsController } from './calls/calls.controller';
import { CallsRepository } from './calls/calls.repository';
import { CallsService } from './calls/calls.service';
import { ComparisonsController } from './comparisons/comparisons.controller';
import { ComparisonsService } from './comparisons/comparisons.service';
import { HealthController } from './health/health.controller';
import type { ApiRuntime } from './infrastructure/runtime';
import { DemoSimulation } from './demo/demo-simulation';
import { DemoRepository } from './demo/demo.repository';
import { API_CONFIG, CLICKHOUSE, CLOCK, IN_PROCESS_SOURCE, type Clock } from './infrastructure/tokens';
import { EVENT_INTAKE } from './intake/event-intake';
import { IntakeController } from './intake/intake.controller';
import { AlertsService } from './live/alerts.service';
import { LiveController } from './live/live.controller';
import { LiveGateway } from './live/live.gateway';
import { LiveRepository } from './live/live.repository';
import { LiveService } from './live/live.service';
import { LIVE_EVENT_SOURCE } from './live/live.tokens';
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

@Module({})
export class AppModule {
  static register(config: ApiConfig, runtime: ApiRuntime, clock: Clock): DynamicModule {
    return {
      module: AppModule,
      imports: [
        LoggerModule.forRoot({
          pinoHttp: {
            level: config.logLevel,
            // Routine requests at debug: a wallboard polling all day must not flood the log.
            customLogLevel: (_request, response, error) =>
              error || response.statusCode >= 500 ? 'error' : response.statusCode >= 400 ? 'warn' : 'debug',
          },
        }),
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
      ],
      providers: [
        { provide: API_CONFIG, useValue: config },
        { provide: CLICKHOUSE, useValue: runtime.clickHouse },
        { provide: EVENT_INTAKE, useValue: runtime.intake },
        { provide: LIVE_EVENT_SOURCE, useValue: runtime.liveSource },
        { provide: IN_PROCESS_SOURCE, useValue: runtime.inProcessSource },
        { provide: CLOCK, useValue: clock },
        { provide: APP_PIPE, useClass: ZodValidationPipe },
        { provide: APP_FILTER, useClass: ErrorsFilter },
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
        ConnectCtrService,
      ],
    };
  }
}
