import { Field, Float, ID, ObjectType } from '@nestjs/graphql';
import { CountryCode } from './enums';
import { LocalizedLabelsModel } from './localized-labels.model';

@ObjectType('Cluster')
export class ClusterModel {
  @Field(() => ID) id: string;
  @Field() code: string;
  @Field(() => LocalizedLabelsModel) name: LocalizedLabelsModel;
  @Field(() => CountryCode) country: CountryCode;
  @Field() city: string;
  @Field(() => Float) lat: number;
  @Field(() => Float) lng: number;
  partnerClusterId: string | null;
}
