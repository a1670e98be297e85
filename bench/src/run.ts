// First: the matching bench builds a Nest context, whose dependency injection needs decorator metadata recorded as
// the domain libs load (the other benches import them too).
import 'reflect-metadata';
import { benchSearch } from './catalogue-search';
import { benchKpis } from './kpis';
import { benchMatching } from './matching';
import { benchNotifications } from './notifications';
import { benchOrders } from './orders-quotes';

/**
 * `npm run bench -- <name> [seconds] [offers]`, or `notifications [events] [changes]`, or `kpis [firms] [seconds]`.
 * Benchmarks are not tests: they print figures, they assert nothing.
 */
async function main(): Promise<void> {
  const [name = 'search', seconds = '15', offers = '100000'] = process.argv.slice(2);
  switch (name) {
    case 'search':
      await benchSearch(Number(seconds), Number(offers));
      break;
    case 'orders':
      await benchOrders(Number(seconds));
      break;
    case 'matching':
      await benchMatching(Number(seconds), Number(offers));
      break;
    case 'notifications':
      await benchNotifications(Number(process.argv[3] ?? 2000), Number(process.argv[4] ?? 200));
      break;
    case 'kpis':
      await benchKpis(Number(process.argv[3] ?? 5000), Number(process.argv[4] ?? 15));
      break;
    default:
      throw new Error(`unknown benchmark ${name}; try: search, orders, matching, notifications, kpis`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
