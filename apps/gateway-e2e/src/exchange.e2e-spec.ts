import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { gql, gqlOk } from './support/gql';
import { signInLtCoordinator, signInLtDemoUser, signInPlCoordinator, verifiedPolishFirm } from './support/actors';
import { publishedOrder } from './support/orders';

interface Post {
  id: string;
  topic: string;
  title: string;
  authorName: string;
  orderId: string | null;
  forwardedToFirmIds: string[];
  comments: { body: string; authorName: string }[];
}

const POST_FIELDS = `id topic title authorName orderId forwardedToFirmIds comments { body authorName }`;

/** The caller's notification of a kind, once the worker has written it. */
async function notified(token: string, kind: string, about: string): Promise<{ title: string; body: string }> {
  type Page = { notifications: { edges: { node: { kind: string; title: string; body: string } }[] } };
  for (let i = 0; i < 100; i++) {
    const page = await gqlOk<Page>(`{ notifications(first: 50) { edges { node { kind title body } } } }`, {}, token);
    const hit = page.notifications.edges.map((e) => e.node).find((n) => n.kind === kind && n.body.includes(about));
    if (hit) return hit;
    await sleep(150);
  }
  throw new Error(`no ${kind} notification about ${about}`);
}

describe("the coordinators' exchange over GraphQL", () => {
  it('lets the Polish coordinator forward an order to Lithuanian firms and the Lithuanian one comment; firms see none of it', async () => {
    const [pl, lt, ltFirmUser, buyer] = await Promise.all([
      signInPlCoordinator(),
      signInLtCoordinator(),
      signInLtDemoUser(),
      verifiedPolishFirm(),
    ]);
    const order = await publishedOrder(buyer, 'Frames for a Lithuanian customer', [
      { key: 'weld', title: 'Weld the frames', processCode: 'process.welding', dueInDays: 30 },
    ]);
    const { forwardToPartnerCluster: forward } = await gqlOk<{ forwardToPartnerCluster: Post }>(
      `mutation($i: ForwardToPartnerClusterInput!) { forwardToPartnerCluster(input: $i) { ${POST_FIELDS} } }`,
      { i: { idempotencyKey: randomUUID(), orderId: order.orderId, note: 'Klient z Alytus.', language: 'pl' } },
      pl,
    );
    expect(forward).toMatchObject({
      topic: 'FORWARD',
      orderId: order.orderId,
      title: 'Frames for a Lithuanian customer',
    });
    expect(forward.forwardedToFirmIds.length).toBeGreaterThan(0);

    // The Lithuanian coordinator reads it and comments; the Polish one sees the comment.
    const { exchangePosts } = await gqlOk<{ exchangePosts: { edges: { node: Post }[] } }>(
      `query($o: UUID) { exchangePosts(first: 10, filter: { orderId: $o }) { edges { node { ${POST_FIELDS} } } } }`,
      { o: order.orderId },
      lt,
    );
    expect(exchangePosts.edges.map((e) => e.node.id)).toEqual([forward.id]);
    await gqlOk(
      `mutation($i: CommentOnExchangePostInput!) { commentOnExchangePost(input: $i) { id } }`,
      { i: { idempotencyKey: randomUUID(), postId: forward.id, body: 'Perduosiu įmonėms.' } },
      lt,
    );
    const { exchangePost } = await gqlOk<{ exchangePost: Post }>(
      `query($id: UUID!) { exchangePost(id: $id) { ${POST_FIELDS} } }`,
      { id: forward.id },
      pl,
    );
    expect(exchangePost.comments.map((c) => c.body)).toEqual(['Perduosiu įmonėms.']);

    // The worker tells each side in its language: the author of the post of the comment, the firms of the forward.
    const comment = await notified(pl, 'exchange.commented', 'Perduosiu įmonėms');
    expect(comment.title).toBe('Nowy komentarz do wpisu „Frames for a Lithuanian customer”');
    const { me } = await gqlOk<{ me: { firms: { firm: { id: string } }[] } }>(
      `{ me { firms { firm { id } } } }`,
      {},
      ltFirmUser,
    );
    // The demo Lithuanian firm is a verified member of the partner cluster: the forward (to all of them) reached it.
    expect(forward.forwardedToFirmIds).toContain(me.firms[0].firm.id);
    const told = await notified(ltFirmUser, 'order.forwarded', 'Frames for a Lithuanian customer');
    expect(told.title).toBe('Rekomenduojamas užsakymas: Frames for a Lithuanian customer');
    expect(told.body).toContain('Koordinatorių pastaba: „Klient z Alytus“.');

    // A firm's user: not for them.
    const refused = await gql(`query($id: UUID!) { exchangePost(id: $id) { id } }`, { id: forward.id }, ltFirmUser);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // Bad input names its field.
    const bad = await gql(
      `mutation($i: CreateExchangePostInput!) { createExchangePost(input: $i) { id } }`,
      { i: { idempotencyKey: randomUUID(), topic: 'QUESTION', title: ' ', body: 'x', language: 'en' } },
      pl,
    );
    expect(bad.errors?.[0]?.extensions).toMatchObject({ code: 'VALIDATION_FAILED', field: 'title' });
  });
});
