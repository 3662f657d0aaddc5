import 'reflect-metadata';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { IncomingMessage, Server } from 'node:http';
import express, { type NextFunction, type Request, type Response } from 'express';
import helmet from 'helmet';
import type { ServerOptions } from 'socket.io';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { Logger } from 'nestjs-pino';
import { cleanupOpenApiDoc } from 'nestjs-zod';
import pino from 'pino';
import { resolveInstanceSecret } from '@callboard/infra';
import { AppModule } from './app.module';
import type { ApiConfig } from './config/api-config';
import { openRuntime, type ApiRuntime, type RuntimeTestHooks } from './infrastructure/runtime';
import type { Clock } from './infrastructure/tokens';

export const API_PREFIX = 'api/v1';
// JSON arrays of events: 50,000 events of ~300 bytes, with room to spare. Only event intake takes them.
const EVENTS_BODY_LIMIT = '32mb';
const EVENT_ROUTES = [`/${API_PREFIX}/events`, `/${API_PREFIX}/sources`];
// Everything else (sign-in, settings, users, tokens) is small.
const BODY_LIMIT = '256kb';
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'text/plain'];
// A client that sends its headers or body slowly is cut off (slowloris), not waited for.
const HEADERS_TIMEOUT_MS = 20_000;

export interface ApiApp {
  app: NestExpressApplication;
  runtime: ApiRuntime;
  /** Stops the HTTP server, then writes what the embedded pipeline still buffers and closes ClickHouse. */
  close(): Promise<void>;
}

/** Builds the api (not yet listening) on a fresh runtime: ClickHouse opened and migrated, intake wired. */
export async function createApiApp(config: ApiConfig, options: { clock?: Clock; testHooks?: RuntimeTestHooks } = {}): Promise<ApiApp> {
  const clock = options.clock ?? Date.now;
  const runtime = await openRuntime(config, pino({ name: 'api', level: config.logLevel }), clock, options.testHooks);
  // Signs access tokens; shared through the database so that every instance accepts every token.
  const signingKey = await resolveInstanceSecret(runtime.clickHouse, 'jwt_signing_key', config.auth.jwtSecret);
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config, runtime, clock, signingKey), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useWebSocketAdapter(new OriginCheckedIoAdapter(app, config.limits.corsOrigins));
  app.set('query parser', 'simple');
  // Behind nginx (infra/) the caller's address is in X-Forwarded-For: sign-in limits and the audit log need it.
  app.set('trust proxy', 'loopback, linklocal, uniquelocal');
  app.use(
    helmet({
      // TVs reach the app over plain http on the centre's network: upgrading their requests would break them.
      contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } },
    }),
  );
  app.enableCors({ origin: config.limits.corsOrigins, maxAge: 600 });
  app.use(EVENT_ROUTES, express.json({ limit: EVENTS_BODY_LIMIT }), express.text({ type: NDJSON_TYPES, limit: EVENTS_BODY_LIMIT }));
  app.use(express.json({ limit: BODY_LIMIT }), express.text({ type: NDJSON_TYPES, limit: BODY_LIMIT }));
  app.setGlobalPrefix(API_PREFIX);
  serveWebApp(app, config.webDist);
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Callboard API')
      .setDescription('Call-centre metrics as defined in METRICS.md: every figure is described by its definition.')
      .setVersion('1')
      .addBearerAuth()
      .build(),
  );
  SwaggerModule.setup('api/docs', app, cleanupOpenApiDoc(document), { jsonDocumentUrl: 'api/docs/openapi.json' });
  const server = app.getHttpServer() as Server;
  server.headersTimeout = HEADERS_TIMEOUT_MS;
  server.requestTimeout = config.limits.requestTimeoutMs + 5_000;
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

/**
 * Socket.IO with the same origin rule as the REST api: a browser page from another site may
 * connect only if its origin is in CALLBOARD_CORS_ORIGINS (WebSockets ignore CORS by themselves).
 */
class OriginCheckedIoAdapter extends IoAdapter {
  constructor(
    app: NestExpressApplication,
    private readonly allowedOrigins: readonly string[],
  ) {
    super(app);
  }

  override createIOServer(port: number, options?: ServerOptions): unknown {
    return super.createIOServer(port, {
      ...options,
      cors: { origin: [...this.allowedOrigins] },
      allowRequest: (request: IncomingMessage, callback: (error: string | null | undefined, success: boolean) => void) =>
        callback(null, originAllowed(request, this.allowedOrigins)),
    });
  }
}

function originAllowed(request: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  const origin = request.headers.origin;
  if (origin === undefined || allowedOrigins.includes(origin)) return true; // not a browser, or an allowed site
  try {
    return new URL(origin).host === request.headers.host;
  } catch {
    return false;
  }
}
