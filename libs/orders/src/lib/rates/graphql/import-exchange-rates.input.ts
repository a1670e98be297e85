import { Field, InputType } from '@nestjs/graphql';
import { RateSourceCode } from './rates.enums';

@InputType()
export class ImportExchangeRatesInput {
  @Field(() => RateSourceCode) source: RateSourceCode;
  @Field({
    description: 'The file as published: NBP table A JSON (api.nbp.pl, one or several tables) or ECB eurofxref XML.',
  })
  content: string;
}
