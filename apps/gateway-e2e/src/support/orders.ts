import { randomUUID } from 'node:crypto';
import { gqlOk } from './gql';

const DAY = 86_400_000;
/** An ISO date-time `days` from now. */
export const inDays = (days: number) => new Date(Date.now() + days * DAY).toISOString();

export interface PackageSpec {
  key: string;
  title: string;
  processCode: string;
  dueInDays: number;
  after?: string[];
}

/**
 * A buyer's order for its own cluster, delivered to Suwałki, with the given chain of packages (100 pieces each),
 * created and published. Returns the order id and each package's id by key.
 */
export async function publishedOrder(
  buyer: { token: string; firmId: string },
  title: string,
  packages: PackageSpec[],
): Promise<{ orderId: string; packageId: (key: string) => string }> {
  const created = await gqlOk<{ createCooperativeOrder: { id: string; workPackages: { id: string; key: string }[] } }>(
    `mutation($i: CreateCooperativeOrderInput!) { createCooperativeOrder(input: $i) { id workPackages { id key } } }`,
    {
      i: {
        idempotencyKey: `o-${randomUUID()}`,
        buyerFirmId: buyer.firmId,
        language: 'en',
        title,
        delivery: {
          street: 'Noniewicza 10',
          city: 'Suwałki',
          postcode: '16-400',
          country: 'PL',
          lat: 54.1,
          lng: 22.93,
        },
        deliveryDate: inDays(60),
        currency: 'PLN',
        visibility: 'cluster',
        quoteDeadline: inDays(10),
        workPackages: packages.map((p) => ({
          key: p.key,
          title: p.title,
          processCode: p.processCode,
          quantity: 100,
          quantityUnit: 'pcs',
          dueDate: inDays(p.dueInDays),
          ...(p.after ? { after: p.after } : {}),
        })),
      },
    },
    buyer.token,
  );
  const orderId = created.createCooperativeOrder.id;
  await gqlOk(
    `mutation($i: OrderIdInput!) { publishCooperativeOrder(input: $i) { id } }`,
    { i: { orderId } },
    buyer.token,
  );
  const ids = new Map(created.createCooperativeOrder.workPackages.map((p) => [p.key, p.id]));
  return { orderId, packageId: (key) => ids.get(key) as string };
}
