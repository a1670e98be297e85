import { ExchangeRateEntity } from './exchange-rate.entity';

export const RATES_ENTITIES = [ExchangeRateEntity];
