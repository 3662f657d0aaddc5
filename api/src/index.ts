export { createApiApp, API_PREFIX, type ApiApp } from './app';
export { loadApiConfig, type ApiConfig } from './config/api-config';
export type { Metrics } from './metrics/metrics.schema';
export { METRIC_DEFINITIONS, METRIC_NAMES, type MetricName } from './metrics/metric-definitions';
export type { MetricsResponseDto } from './metrics/metrics.dto';
export type { CompareResponseDto } from './comparisons/comparisons.dto';
export type { TrendsResponseDto } from './trends/trends.dto';
export type { CallsPageDto, CallDetailDto } from './calls/calls.dto';
export type { Settings, QueueSettings } from './settings/settings.schema';
