import { MetricsCellKindEntity, MetricsCellSubjectEntity } from './metrics-cell-aggregate.entities';
import { MetricsEventEntity } from './metrics-event.entity';
import { MetricsFactCellEntity } from './metrics-fact-cell.entity';
import { MetricsFactEntity } from './metrics-fact.entity';

export const METRICS_ENTITIES = [
  MetricsEventEntity,
  MetricsFactEntity,
  MetricsFactCellEntity,
  MetricsCellSubjectEntity,
  MetricsCellKindEntity,
];
