import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { NextFunction, Request, Response } from 'express';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import pino from 'pino';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { openRuntime, type ApiRuntime } from './infrastructure/runtime';
import type { Clock } from './infrastructure/tokens';

export const API_PREFIX = 'api/v1';
// JSON arrays of events: 50,000 events of ~300 bytes, with room to spare.
const BODY_LIMIT = '32mb';

export interface ApiApp {
  app: NestExpressApplication;
  runtime: ApiRuntime;
  /** Stops the HTTP server, then writes what the embedded pipeline still buffers and closes ClickHouse. */
  close(): Promise<void>;
}

/** Builds the api (not yet listening) on a fresh runtime: ClickHouse opened and migrated, intake wired. */
export async function createApiApp(config: ApiConfig, options: { clock?: Clock } = {}): Promise<ApiApp> {
  const clock = options.clock ?? Date.now;
  const runtime = await openRuntime(config, pino({ name: 'api', level: config.logLevel }), clock);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, runtime, clock), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new IoAdapter(app));
  app.useBodyParser('json', { limit: BODY_LIMIT });
  app.useBodyParser('text', { type: ['application/x-ndjson', 'application/ndjson', 'text/plain'], limit: BODY_LIMIT });
  app.set('query parser', 'simple');
  app.setGlobalPrefix(API_PREFIX);
  serveWebApp(app, config.webDist);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Callboard API')
      .setDescription('Call-centre metrics as defined in METRICS.md: every figure is described by its definition.')
      .setVersion('1')
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
  return {
    app,
    runtime,
    close: async () => {
      await app.close();
      await runtime.close();
    },
  };
}

/**
 * The built web app (DESIGN.md: in embedded mode the api serves it): its files as they are, and
 * index.html for any other page path so that a bookmarked /wallboard?… loads the app.
 */
function serveWebApp(app: NestExpressApplication, webDist: string): void {
  const index = join(webDist, 'index.html');
  if (!existsSync(index)) return;
  app.useStaticAssets(webDist, { index: false });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const apiOrSocket = request.path.startsWith('/api/') || request.path === '/api' || request.path.startsWith('/socket.io');
    if (request.method !== 'GET' || apiOrSocket) return next();
    response.sendFile(index);
  });
}
