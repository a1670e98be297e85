import { MetricsEventEntity } from './metrics-event.entity';
import { MetricsFactCellEntity } from './metrics-fact-cell.entity';
import { MetricsFactEntity } from './metrics-fact.entity';
import { MetricsFigureEntity } from './metrics-figure.entity';

export const METRICS_ENTITIES = [MetricsEventEntity, MetricsFactEntity, MetricsFactCellEntity, MetricsFigureEntity];
