import { Field, Float, ID, Int, ObjectType } from '@nestjs/graphql';
import { PairFirmModel } from './kpi.model';

/** Hand-overs, those on time, and their ratio. */
@ObjectType({ isAbstract: true })
export abstract class HandoverCountsFields {
  @Field(() => Int, { description: 'Work packages handed over, each once.' }) handovers: number;
  @Field(() => Int, { description: 'Of those, handed over by their due date.' }) onTime: number;
  @Field(() => Float, { nullable: true, description: 'onTime / handovers, 4 decimals; null without hand-overs.' })
  onTimeRate: number | null;
}

@ObjectType('HandoverProcess', { description: "A step's process in the catalogue taxonomy." })
export class HandoverProcessModel {
  @Field(() => ID) id: string;
  @Field({ description: 'e.g. process.laser-cutting' }) code: string;
  @Field({ description: 'Its label in the language asked for.' }) name: string;
}

@ObjectType('HandoverStep', { description: 'The hand-overs of the work packages of one process.' })
export class HandoverStepModel extends HandoverCountsFields {
  @Field(() => HandoverProcessModel, { nullable: true, description: 'Null for packages no longer stored.' })
  process: HandoverProcessModel | null;
}

@ObjectType('HandoverFirm', { description: 'The hand-overs one firm made.' })
export class HandoverFirmModel extends HandoverCountsFields {
  @Field(() => PairFirmModel) firm: PairFirmModel;
}

@ObjectType('HandoverBreakdown', {
  description:
    'Hand-overs in a period, per step (process) and per firm; the totals are the handovers, handovers-on-time and on-time-rate KPIs of the same period.',
})
export class HandoverBreakdownModel extends HandoverCountsFields {
  @Field(() => ID, { description: 'The cluster or firm.' }) scopeId: string;
  @Field() period: string;
  @Field(() => [HandoverStepModel], { description: 'Most hand-overs first.' }) byProcess: HandoverStepModel[];
  @Field(() => [HandoverFirmModel], { description: 'The firms with most hand-overs first (then most on time).' })
  byFirm: HandoverFirmModel[];
}
