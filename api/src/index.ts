export { createApiApp, API_PREFIX, type ApiApp } from './app';
export { loadApiConfig, type ApiConfig } from './config/api-config';
export type { Metrics } from './metrics/metrics.schema';
// For benchmarks: the bare SQL behind /metrics, without HTTP or Nest in between.
export { MetricsRepository } from './metrics/metrics.repository';
export { SettingsService } from './settings/settings.service';
export { toSqlSettings } from './metrics/sql-settings';
export { METRIC_DEFINITIONS, METRIC_NAMES, type MetricName } from './metrics/metric-definitions';
export type { MetricsResponseDto } from './metrics/metrics.dto';
export type { CompareResponseDto } from './comparisons/comparisons.dto';
export type { TrendsResponseDto } from './trends/trends.dto';
export type { CallsPageDto, CallDetailDto } from './calls/calls.dto';
export type { Settings, QueueSettings } from './settings/settings.schema';
// For the web app: the live feed's payloads and events.
export type { Live, LiveQueue, LiveFigures, LiveAgent, Heartbeat } from './live/live.schema';
export type { Alert } from './live/alerts';
export type { AlertsResponseDto } from './live/live.dto';
export type { Band } from './settings/bands';
// For the web app: who is signed in, and the answers of the sign-in and admin endpoints.
export type { Role } from './auth/roles';
export type { PrincipalDto, SessionTokensDto, UserDto, ApiTokenDto, NewApiTokenSecretDto, AuditEntriesDto } from './auth/access.dto';
