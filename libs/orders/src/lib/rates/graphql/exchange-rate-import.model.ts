import { Field, Int, ObjectType } from '@nestjs/graphql';
import { RateSourceCode } from './rates.enums';

@ObjectType('ExchangeRateImport', { description: 'What an import of a rate file did. A re-import changes nothing.' })
export class ExchangeRateImportModel {
  @Field(() => RateSourceCode) source: RateSourceCode;
  @Field(() => Int, { description: 'Rates that were new.' }) inserted: number;
  @Field(() => Int, { description: 'Rates whose value or table number changed.' }) updated: number;
  @Field(() => Int, { description: 'Rates already stored as in the file.' }) unchanged: number;
  @Field({ description: 'YYYY-MM-DD of the oldest day in the file.' }) firstDate: string;
  @Field({ description: 'YYYY-MM-DD of the newest day in the file.' }) lastDate: string;
}
