/**
 * Unread messages per thread for one user: $1 the user, $2 their firm ids, $3 the clusters they coordinate.
 * A thread counts when the user takes part in it (see MessageService) and it has messages by others created after
 * the user's `message_read` marker for it (all of them when there is none). Newest activity first.
 *
 * `scope` is every order whose threads the user may read, `whole` when all of them (buyer or coordinator), else only
 * the general thread and the threads of `party_quote`, the quotes the user's firms take part in.
 */
export const UNREAD_COUNTS_SQL = `
WITH party_quote AS (
  SELECT q.id, q.order_id FROM quote q WHERE q.lead_firm_id = ANY($2::uuid[])
  UNION
  SELECT q.id, q.order_id FROM quote q JOIN quote_leg l ON l.quote_id = q.id AND l.version = q.current_version
  WHERE l.firm_id = ANY($2::uuid[])
), scope AS (
  SELECT s.order_id, bool_or(s.whole) AS whole FROM (
    SELECT o.id AS order_id, true AS whole FROM cooperative_order o
    WHERE o.buyer_firm_id = ANY($2::uuid[]) OR o.cluster_id = ANY($3::uuid[])
    UNION ALL
    SELECT o.id, true FROM cooperative_order o JOIN cluster c ON c.id = o.cluster_id
    WHERE o.visibility = 'partner_clusters' AND c.partner_cluster_id = ANY($3::uuid[])
    UNION ALL
    SELECT pq.order_id, false FROM party_quote pq
  ) s GROUP BY s.order_id
)
SELECT m.order_id, m.quote_id, count(*)::int AS unread
FROM scope s
JOIN message m ON m.order_id = s.order_id
LEFT JOIN message_read r
  ON r.user_id = $1 AND r.order_id = m.order_id AND r.thread_key = COALESCE(m.quote_id::text, 'order')
WHERE m.author_user_id <> $1
  AND (r.last_read_at IS NULL OR m.created_at > r.last_read_at)
  AND (s.whole OR m.quote_id IS NULL OR m.quote_id IN (SELECT pq.id FROM party_quote pq))
GROUP BY m.order_id, m.quote_id
ORDER BY max(m.created_at) DESC, m.order_id, m.quote_id NULLS FIRST`;
