import { Module, type DynamicModule } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { ApolloDriver, type ApolloDriverConfig } from '@nestjs/apollo';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import { ApolloArmor } from '@escape.tech/graphql-armor';
import type { GraphQLFormattedError } from 'graphql';
import { KooperantConfigModule, requireDatabaseUrl, type KooperantConfig } from '@kooperant/platform-config';
import { DatabaseModule } from '@kooperant/platform-database';
import { IdentityGraphqlModule, IdentityModule } from '@kooperant/identity';
import { CatalogueGraphqlModule } from '@kooperant/catalogue';
import { OrdersGraphqlModule } from '@kooperant/orders';
import { MatchingGraphqlModule } from '@kooperant/matching';
import { NotificationsGraphqlModule, NotificationsHttpModule } from '@kooperant/notifications';
import { ExchangeGraphqlModule, MetricsGraphqlModule } from '@kooperant/metrics';
import { MetricsHttpModule } from './metrics/metrics-http.module';
import { formatGraphqlError } from './graphql-errors';
import { LiveModule } from '@kooperant/platform-queue';
import { RequestContextFactory } from './request-context.factory';
import { HealthController } from './health.controller';
import { QueueHealth } from './queue-health';
import { jitExecutionPlugin } from './jit-execution.plugin';
import { DocumentsHttpModule } from './documents/documents-http.module';
import { AdminHttpModule } from './admin/admin-http.module';

type HttpRequestLike = { headers: Record<string, string | string[] | undefined> };

@Module({
  imports: [IdentityModule],
  providers: [RequestContextFactory],
  exports: [RequestContextFactory],
})
class RequestContextModule {}

const MAX_TOKENS = 2000;

/** The gateway: wiring only. Business rules live in the domain libs. */
@Module({})
export class GatewayModule {
  static forRoot(config: KooperantConfig): DynamicModule {
    // Only armor's validation rules: they run once per distinct query (Apollo caches validated documents).
    // Its two plugins would run on every request; the token limit is graphql-js's own parse option instead, and
    // formatGraphqlError drops "Did you mean" suggestions where introspection is off.
    const armor = new ApolloArmor({
      maxDepth: { n: config.graphql.maxDepth, ignoreIntrospection: true },
      maxAliases: { n: config.graphql.maxAliases },
      costLimit: { maxCost: config.graphql.maxCost, ignoreIntrospection: true },
      maxDirectives: { n: 20 },
      maxTokens: { enabled: false },
      blockFieldSuggestion: { enabled: false },
    }).protect();
    const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
      formatGraphqlError(formatted, error, { hideSuggestions: !config.graphql.introspection });
    return {
      module: GatewayModule,
      imports: [
        KooperantConfigModule.forRoot(config),
        DatabaseModule.forRoot({
          url: requireDatabaseUrl(config),
          poolSize: config.dbPoolSize,
          applicationName: 'kooperant-gateway',
        }),
        LiveModule.forRoot(config.redisUrl),
        GraphQLModule.forRootAsync<ApolloDriverConfig>({
          driver: ApolloDriver,
          imports: [RequestContextModule],
          inject: [RequestContextFactory],
          useFactory: (contexts: RequestContextFactory) => ({
            path: '/graphql',
            autoSchemaFile: true,
            sortSchema: true,
            introspection: config.graphql.introspection,
            playground: false,
            graphiql: false,
            // The CJS and ESM builds of @apollo/server declare their types twice; the objects are the same shape.
            plugins: [
              // We send no cache hints; the default cache-control plugin wraps every field resolver for nothing.
              ApolloServerPluginCacheControlDisabled(),
              ...(config.graphql.jit ? [jitExecutionPlugin(formatError)] : []),
              config.graphql.introspection
                ? ApolloServerPluginLandingPageLocalDefault({ embed: true })
                : ApolloServerPluginLandingPageDisabled(),
            ] as unknown as ApolloDriverConfig['plugins'],
            validationRules: armor.validationRules,
            parseOptions: { maxTokens: MAX_TOKENS },
            allowBatchedHttpRequests: false,
            includeStacktraceInErrorResponses: false,
            formatError,
            // Fastify's Apollo integration passes the request itself; express-style integrations pass { req }.
            context: (arg: HttpRequestLike & { req?: HttpRequestLike }) => contexts.create(arg?.req ?? arg),
            // Live notifications over graphql-ws on the same path; a connection must carry a valid access token.
            subscriptions: {
              'graphql-ws': {
                onConnect: (ctx: { connectionParams?: Record<string, unknown> }) =>
                  contexts.fromConnectionParams(ctx.connectionParams).then((c) => c.actor !== null),
                context: (ctx: { connectionParams?: Record<string, unknown> }) =>
                  contexts.fromConnectionParams(ctx.connectionParams),
              },
            },
          }),
        }),
        IdentityGraphqlModule,
        CatalogueGraphqlModule,
        OrdersGraphqlModule,
        MatchingGraphqlModule,
        NotificationsGraphqlModule,
        ExchangeGraphqlModule,
        MetricsGraphqlModule,
        DocumentsHttpModule,
        MetricsHttpModule,
        NotificationsHttpModule,
        // The queue dashboard's session (the dashboard itself: registerQueueDashboard), only where it is mounted.
        ...(config.queueBackend === 'redis' ? [AdminHttpModule] : []),
      ],
      controllers: [HealthController],
      providers: [QueueHealth],
    };
  }
}
