import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import cookieParser from 'cookie-parser';
import helmet from 'helmet';
import { Logger } from 'nestjs-pino';
import {
  AllExceptionsFilter,
  createValidationPipe,
  ErrorBodyDto,
  explainBodyDecodingError,
  noStore,
  rejectUnsafeInput,
  withErrorBodies,
} from '@app/http';
import {
  APP_ASSETS,
  CHARTJS_DIST,
  DKFDS_DIST,
  serveFavicon,
  SIMPLEWEBAUTHN_DIST,
  webErrorResponder,
} from '@app/web';

/** Everything main.ts and the e2e tests must set up the same way. */
export function configureApi(app: NestExpressApplication): void {
  app.useLogger(app.get(Logger));
  app.set('trust proxy', 'loopback');
  // `same-origin`, not helmet's `no-referrer`: with no-referrer a browser sends `Origin: null` on
  // its own forms, which the web's CSRF guard must refuse; other sites still learn nothing.
  app.use(helmet({ referrerPolicy: { policy: 'same-origin' } }));
  app.use(cookieParser());
  app.useBodyParser('json', { limit: '1mb' });
  app.useBodyParser('urlencoded', { extended: false, limit: '256kb' });
  // Right after the parsers, before any guard: bad input is refused the same way on every route.
  app.use(explainBodyDecodingError);
  app.use(rejectUnsafeInput);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new AllExceptionsFilter(webErrorResponder(app)));
  app.useStaticAssets(DKFDS_DIST, { prefix: '/assets/dkfds/', maxAge: '7d', index: false });
  app.useStaticAssets(APP_ASSETS, { prefix: '/assets/app/', maxAge: '1h', index: false });
  app.useStaticAssets(CHARTJS_DIST, { prefix: '/assets/chartjs/', maxAge: '7d', index: false });
  app.useStaticAssets(SIMPLEWEBAUTHN_DIST, { prefix: '/assets/simplewebauthn/', maxAge: '7d', index: false });
  app.use('/favicon.ico', serveFavicon);
  app.use(noStore);
  app.enableShutdownHooks();

  const openapi = new DocumentBuilder()
    .setTitle('Baseline API')
    .setDescription('Survey, benchmarks and incidents for Danish municipalities. All routes under /api/v1.')
    .setVersion('1')
    .addBearerAuth()
    .addApiKey({ type: 'apiKey', in: 'header', name: 'X-API-Key' }, 'api-key')
    .build();
  SwaggerModule.setup('api/docs', app, () =>
    withErrorBodies(SwaggerModule.createDocument(app, openapi, { extraModels: [ErrorBodyDto] })),
  );
}
