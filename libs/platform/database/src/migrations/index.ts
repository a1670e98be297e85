import { Initial1795697295441 } from './1795697295441-Initial';
import { OfferSearch1795697295442 } from './1795697295442-OfferSearch';
import { ChangeFeed1795697295443 } from './1795697295443-ChangeFeed';
import { SearchLexicon1795697295444 } from './1795697295444-SearchLexicon';
import { CooperativeOrders1795704077346 } from './1795704077346-CooperativeOrders';
import { Matching1795705455013 } from './1795705455013-Matching';
import { Brokering1795707511837 } from './1795707511837-Brokering';
import { Notifications1795710705250 } from './1795710705250-Notifications';
import { MatchingSpeed1795711425965 } from './1795711425965-MatchingSpeed';
import { NotificationEmail1795714786354 } from './1795714786354-NotificationEmail';
import { Webhooks1795717363536 } from './1795717363536-Webhooks';
import { Exchange1795718390163 } from './1795718390163-Exchange';
import { NotificationDigest1795717304704 } from './1795717304704-NotificationDigest';
import { Metrics1795717536193 } from './1795717536193-Metrics';
import { MetricsAggregates1795727476920 } from './1795727476920-MetricsAggregates';
import { MetricsFactCluster1795733990673 } from './1795733990673-MetricsFactCluster';
import { MatchKeys1795739237939 } from './1795739237939-MatchKeys';

/** Every migration, in order. Never edit one that has landed: add a new one. */
export const MIGRATIONS = [
  Initial1795697295441,
  OfferSearch1795697295442,
  ChangeFeed1795697295443,
  SearchLexicon1795697295444,
  CooperativeOrders1795704077346,
  Matching1795705455013,
  Brokering1795707511837,
  Notifications1795710705250,
  MatchingSpeed1795711425965,
  NotificationEmail1795714786354,
  Webhooks1795717363536,
  Exchange1795718390163,
  NotificationDigest1795717304704,
  Metrics1795717536193,
  MetricsAggregates1795727476920,
  MetricsFactCluster1795733990673,
  MatchKeys1795739237939,
];
