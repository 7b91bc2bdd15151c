// The HTTP application: security plugins, the API under /api/v1, OpenAPI at /api/docs and
// the built web app at / (with /portal reserved for the citizen portal).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import Fastify, { type FastifyInstance } from 'fastify';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import helmet from 'helmet';
import multipart from '@fastify/multipart';
import rateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import type { AppContext } from '../context.ts';
import { auditRoutes } from '../audit/audit.routes.ts';
import { authRoutes } from '../auth/auth.routes.ts';
import { SESSION_COOKIE, sessionPlugin } from '../auth/session.plugin.ts';
import { usersRoutes } from '../auth/users.routes.ts';
import { areasRoutes } from '../../registry/areas/areas.routes.ts';
import { eventsRoutes } from '../../registry/events/events.routes.ts';
import { personsRoutes } from '../../registry/persons/persons.routes.ts';
import { populationRoutes } from '../../registry/population/population.routes.ts';
import { jobsRoutes } from '../jobs/jobs.routes.ts';
import { importsRoutes } from '../../registry/imports/imports.routes.ts';
import { benefitsRoutes } from '../../benefits/benefits.routes.ts';
import { statsRoutes } from '../../stats/stats.routes.ts';
import { targetsRoutes } from '../../stats/targets.routes.ts';
import { reportsRoutes } from '../../reports/reports.routes.ts';
import { serviceRecordsRoutes } from '../../stats/service-records.routes.ts';
import { problemHandler } from './problem.ts';
import { OneLinePerRequest } from './request-log.ts';
import { batchedStdout } from './log-stream.ts';
import { loadSecret } from './secret.ts';

export interface AppOptions {
  logger?: boolean;
  webDist?: string | null;
  extraRoutes?: ((app: FastifyInstance) => Promise<void>)[];
}

const here = path.dirname(fileURLToPath(import.meta.url));
export const DEFAULT_WEB_DIST = path.resolve(here, '../../../web/dist');
const VERSION = '0.1.0';

export async function buildApp(ctx: AppContext, opts: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: opts.logger
      ? {
          level: ctx.config.logLevel,
          // Query strings may hold names or ID numbers: never log them.
          serializers: { req: (req) => ({ method: req.method, url: req.url.split('?')[0], ip: req.ip }) },
          stream: batchedStdout(),
        }
      : false,
    logController: new OneLinePerRequest(),
    bodyLimit: 1024 * 1024,
    trustProxy: process.env.RENKOU_TRUST_PROXY === '1',
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(problemHandler);
  app.setNotFoundHandler((req, reply) => problemHandler(Object.assign(new Error('not found'), { statusCode: 404 }) as any, req, reply));

  // Security headers: helmet's middleware built once (the Fastify wrapper rebuilds it per request).
  const securityHeaders = helmet({
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Ant Design injects its styles at run time
        imgSrc: ["'self'", 'data:', 'blob:'],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        frameAncestors: ["'none'"],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  app.addHook('onRequest', (req, reply, done) => securityHeaders(req.raw, reply.raw, () => done()));
  const secret = loadSecret(ctx.config.dataDir);
  await app.register(cookie, { secret });
  await app.register(csrf, {
    cookieOpts: { path: '/', sameSite: 'strict', httpOnly: true, signed: true },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
    getUserInfo: (req) => req.cookies[SESSION_COOKIE] ?? '',
    csrfOpts: { hmacKey: secret },
  });
  await app.register(rateLimit, { global: false });
  await app.register(multipart, { limits: { fileSize: 512 * 1024 * 1024, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: { info: { title: 'Renkou 人口家庭服务管理平台 API', version: VERSION }, servers: [{ url: '/api/v1' }] },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });

  await app.register(async (api) => {
    await api.register(sessionPlugin, { ctx });
    // Unsafe methods need the CSRF token of the session (sign-in creates the session).
    api.addHook('preValidation', (req, reply, done) => {
      const path = req.url.split('?')[0];
      if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'OPTIONS' || path === '/api/v1/auth/login') return done();
      api.csrfProtection(req, reply, done);
    });
    api.get('/health', { schema: { tags: ['health'] } }, async () => ({ status: 'ok', database: ctx.db.dialect, version: VERSION }));
    await api.register(authRoutes, { ctx });
    await api.register(usersRoutes, { ctx });
    await api.register(auditRoutes, { ctx });
    await api.register(areasRoutes, { ctx });
    await api.register(personsRoutes, { ctx });
    await api.register(eventsRoutes, { ctx });
    await api.register(populationRoutes, { ctx });
    await api.register(jobsRoutes, { ctx });
    await api.register(importsRoutes, { ctx });
    await api.register(benefitsRoutes, { ctx });
    await api.register(statsRoutes, { ctx });
    await api.register(targetsRoutes, { ctx });
    await api.register(reportsRoutes, { ctx });
    await api.register(serviceRecordsRoutes, { ctx });
    for (const extra of opts.extraRoutes ?? []) await api.register(extra);
  }, { prefix: '/api/v1' });

  const webDist = opts.webDist === undefined ? DEFAULT_WEB_DIST : opts.webDist;
  if (webDist && fs.existsSync(path.join(webDist, 'index.html'))) {
    await app.register(fastifyStatic, { root: webDist, prefix: '/', wildcard: false, index: 'index.html' });
    // Client-side routes: any other GET outside /api answers the app shell.
    app.get('/*', (req, reply) => {
      if (req.url.startsWith('/api/')) return problemHandler(Object.assign(new Error('not found'), { statusCode: 404 }) as any, req, reply);
      return reply.type('text/html').sendFile('index.html');
    });
  }
  return app;
}
