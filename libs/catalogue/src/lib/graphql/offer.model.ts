import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { CountryCode, FirmModel, LocaleCode, PageInfoModel } from '@kooperant/identity';
import { CurrencyCode, OfferStatusCode, QuantityUnit } from './catalogue.enums';
import { TaxonomyMatchModel } from './taxonomy-entry.model';

@ObjectType('OfferTranslation')
export class OfferTranslationModel {
  @Field(() => LocaleCode) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
}

@ObjectType('OfferCapacity', { description: 'Technical capacity. Sizes in millimetres; null where not stated.' })
export class OfferCapacityModel {
  @Field(() => Float, { nullable: true }) maxPartLengthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartWidthMm: number | null;
  @Field(() => Float, { nullable: true }) maxPartHeightMm: number | null;
  @Field(() => Float, { nullable: true }) minThicknessMm: number | null;
  @Field(() => Float, { nullable: true }) maxThicknessMm: number | null;
  @Field(() => Float, { nullable: true }) toleranceMm: number | null;
  @Field(() => Int, { nullable: true }) minBatch: number | null;
  @Field(() => Int, { nullable: true }) maxBatch: number | null;
  @Field(() => Int, { nullable: true }) monthlyCapacity: number | null;
  @Field(() => QuantityUnit, { nullable: true }) capacityUnit: QuantityUnit | null;
}

@ObjectType('IndicativePrice', { description: 'An indicative price in integer minor units (grosze, cents).' })
export class IndicativePriceModel {
  @Field(() => Float, { description: 'Integer minor units; Float only because GraphQL Int is 32-bit.' })
  amountMinor: number;
  @Field(() => CurrencyCode) currency: CurrencyCode;
  @Field(() => QuantityUnit, { description: 'Per what the price is.' }) unit: QuantityUnit;
}

@ObjectType('Offer', { description: "A firm's capability offer." })
export class OfferModel {
  @Field(() => ID) id: string;
  @Field(() => OfferStatusCode) status: OfferStatusCode;
  @Field(() => LocaleCode, { description: 'The language the offer is written in.' }) language: LocaleCode;
  @Field() title: string;
  @Field() description: string;
  @Field(() => [OfferTranslationModel]) translations: OfferTranslationModel[];
  @Field(() => Int) leadTimeDays: number;
  @Field(() => [String]) countriesServed: string[];
  @Field(() => CountryCode) firmCountry: CountryCode;
  @Field(() => FirmModel, { description: 'The firm that offers this.' }) firm: FirmModel;
  @Field() validUntil: Date;
  @Field(() => Date, { nullable: true }) publishedAt: Date | null;
  @Field(() => Date, { nullable: true }) archivedAt: Date | null;
  @Field(() => String, { nullable: true }) archiveReason: string | null;
  @Field() createdAt: Date;
  @Field() updatedAt: Date;
  @Field(() => Int) version: number;
  firmId: string;
}

@ObjectType('OfferEdge')
export class OfferEdgeModel {
  @Field() cursor: string;
  @Field(() => OfferModel) node: OfferModel;
}

@ObjectType('OfferConnection')
export class OfferConnectionModel {
  @Field(() => [OfferEdgeModel]) edges: OfferEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

@ObjectType('OfferSearchEdge')
export class OfferSearchEdgeModel {
  @Field() cursor: string;
  @Field(() => OfferModel) node: OfferModel;
  @Field({ description: 'Relevance; higher is better. 0 when no query text was given.' }) score: number;
  @Field(() => [String], { description: 'Query words this offer matched (lower case, no diacritics).' })
  matchedTerms: string[];
  @Field(() => [TaxonomyMatchModel], { description: 'Taxonomy entries of the query this offer carries.' })
  matchedTaxonomy: TaxonomyMatchModel[];
}

@ObjectType('OfferSearchConnection')
export class OfferSearchConnectionModel {
  @Field(() => [OfferSearchEdgeModel]) edges: OfferSearchEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
  @Field(() => [TaxonomyMatchModel], { description: 'How the query was understood.' })
  interpretation: TaxonomyMatchModel[];
  @Field({
    description:
      'True when every hit matches every concept of the query; false when none did and the hits match some of them.',
  })
  matchedAllConcepts: boolean;
}
