import { Global, Module, type DynamicModule } from '@nestjs/common';
import { KOOPERANT_CONFIG, type KooperantConfig } from './config';

/** Makes the validated configuration injectable everywhere as KOOPERANT_CONFIG. */
@Global()
@Module({})
export class KooperantConfigModule {
  static forRoot(config: KooperantConfig): DynamicModule {
    return {
      module: KooperantConfigModule,
      providers: [{ provide: KOOPERANT_CONFIG, useValue: config }],
      exports: [KOOPERANT_CONFIG],
    };
  }
}
