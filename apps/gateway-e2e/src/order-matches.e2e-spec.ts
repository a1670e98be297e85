import { setTimeout as sleep } from 'node:timers/promises';
import { DEMO_FIRMS, demoFirmUserEmail } from '@kooperant/identity';
import { gql, gqlOk } from './support/gql';
import { signIn, signInLtDemoUser, signInPlCoordinator } from './support/actors';

const MATCHES = `query($id: UUID!) {
  orderMatches(orderId: $id) {
    computedAt
    packages { key matches { rank score status firm { id name country } parts { name value weight explanation } } }
  }
}`;

interface Matches {
  orderMatches: {
    computedAt: string | null;
    packages: {
      key: string;
      matches: {
        rank: number | null;
        score: number;
        status: string;
        firm: { id: string; name: string; country: string };
        parts: { name: string; value: number; weight: number; explanation: string }[];
      }[];
    }[];
  };
}

describe('matches proposed by the worker', () => {
  it("shows the buyer's coordinator the firms proposed for a demo open order, and refuses a supplier", async () => {
    const buyerKey = 'pl-podlaska-fabryka-maszyn';
    const buyer = await signIn(demoFirmUserEmail(DEMO_FIRMS.find((f) => f.key === buyerKey)!));
    const mine = await gqlOk<{ myCooperativeOrders: { edges: { node: { id: string } }[] } }>(
      `query { myCooperativeOrders(first: 1, filter: { status: open }) { edges { node { id } } } }`,
      {},
      buyer,
    );
    const orderId = mine.myCooperativeOrders.edges[0].node.id;

    // The worker's sweep runs when it starts; wait for it rather than trigger it.
    const coordinator = await signInPlCoordinator();
    let m = await gqlOk<Matches>(MATCHES, { id: orderId }, coordinator);
    for (let i = 0; i < 60 && m.orderMatches.computedAt === null; i++) {
      await sleep(500);
      m = await gqlOk<Matches>(MATCHES, { id: orderId }, coordinator);
    }
    expect(m.orderMatches.computedAt).not.toBeNull();
    const proposed = m.orderMatches.packages.flatMap((p) => p.matches);
    expect(proposed.length).toBeGreaterThan(0);
    for (const p of m.orderMatches.packages) {
      expect(p.matches.map((x) => x.rank)).toEqual(p.matches.map((_, i) => i + 1));
      for (const x of p.matches) {
        expect(x.parts.map((part) => part.name)).toEqual([
          'capability',
          'leadTime',
          'distance',
          'performance',
          'load',
          'crossBorder',
        ]);
        expect(x.score).toBeGreaterThan(0);
        expect(x.score).toBeLessThanOrEqual(1);
      }
    }

    const supplier = await signInLtDemoUser();
    const refused = await gql(MATCHES, { id: orderId }, supplier);
    expect(refused.errors?.[0]?.extensions?.['code']).toMatch(/^(FORBIDDEN|ORDER_NOT_FOUND)$/);
  });
});
