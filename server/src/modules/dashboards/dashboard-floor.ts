/**
 * The provincial figures as one hand-written SQL query, run as the owner with no RLS, no function and
 * no GraphQL: the floor the dashboard bench measures the real path against, and the direct computation
 * the tests compare the real path with. Parameters: $1 province tenant id, $2 year, $3 today
 * (YYYY-MM-DD), $4 the standard problem codes. Rows: (dim, key, label, the counts) with dim `bureau`
 * (key = tenant id), `item` and `department` (key = name) and `month` (key = YYYY-MM).
 */
export const PROVINCIAL_FLOOR_SQL = `
WITH
b AS (
  SELECT t.id FROM tenants t
   WHERE t.path LIKE '%/' || $1::text || '/%' AND t.kind IN ('CITY_BUREAU', 'COUNTY_BUREAU') AND t.status = 'ACTIVE'),
e AS (
  SELECT m.tenant_id, count(*) AS n FROM market_entities m JOIN b ON b.id = m.tenant_id
   WHERE m.status IN ('EXISTING', 'OPERATING') GROUP BY m.tenant_id),
it AS (
  SELECT i.tenant_id, i.id, i.name, i.status, d.name AS dept
    FROM inspection_items i JOIN b ON b.id = i.tenant_id
    LEFT JOIN departments d ON d.tenant_id = i.tenant_id AND d.id = i.department_id),
p AS (
  SELECT DISTINCT i.tenant_id, i.draw_id, i.seq FROM inspections i JOIN b ON b.id = i.tenant_id WHERE i.status = 'PUBLISHED'),
s AS (
  SELECT s.tenant_id, s.draw_id, s.seq, x.item_id, p.seq IS NOT NULL AS done
    FROM draw_selections s JOIN b ON b.id = s.tenant_id
    LEFT JOIN p ON p.tenant_id = s.tenant_id AND p.draw_id = s.draw_id AND p.seq = s.seq
    CROSS JOIN LATERAL unnest(s.item_ids) AS x(item_id)
   WHERE s.year = $2),
r AS (
  SELECT i.tenant_id, i.id, i.entity_id, x.item_id, to_char(i.inspected_on, 'YYYY-MM') AS month,
         i.status = 'PUBLISHED' AND (c.id IS NULL OR c.status <> 'PUBLISHED') AS pub,
         i.status = 'PUBLISHED' AND (c.id IS NULL OR c.status <> 'PUBLISHED')
           AND (i.result_category = ANY ($4::text[]) OR rc.problem IS TRUE) AS bad,
         (i.status IN ('DRAFT', 'RETURNED') AND i.report_due_on < $3::date)
           OR (i.status = 'SUBMITTED' AND i.review_due_on < $3::date)
           OR (i.status = 'REVIEWED' AND i.approval_due_on < $3::date)
           OR (i.status IN ('SUBMITTED', 'REVIEWED', 'APPROVED') AND i.publication_due_on < $3::date) AS late
    FROM inspections i JOIN b ON b.id = i.tenant_id
    LEFT JOIN inspections c ON c.tenant_id = i.tenant_id AND c.id = i.corrected_by_id
    LEFT JOIN result_categories rc ON rc.tenant_id = i.tenant_id AND i.result_category = 'custom:' || rc.id::text
    CROSS JOIN LATERAL unnest(i.item_ids) AS x(item_id)
   WHERE i.inspected_on >= make_date($2, 1, 1) AND i.inspected_on < make_date($2 + 1, 1, 1)),
-- Parts of selections still without their own submitted report once the window has closed: the task's own part, and a
-- joint participant's part (of this bureau or another).
l AS (
  SELECT s.tenant_id, s.draw_id::text || ':' || s.seq AS key, s.item_ids
    FROM draw_selections s JOIN b ON b.id = s.tenant_id
    JOIN draws dr ON dr.tenant_id = s.tenant_id AND dr.id = s.draw_id
    JOIN tasks t ON t.tenant_id = dr.tenant_id AND t.id = dr.task_id AND t.status = 'DRAWN' AND t.ends_on < $3::date
   WHERE s.year = $2 AND NOT EXISTS (
     SELECT 1 FROM inspections i WHERE i.tenant_id = s.tenant_id AND i.draw_id = s.draw_id AND i.seq = s.seq AND i.participation_id IS NULL
        AND (i.status NOT IN ('DRAFT', 'RETURNED') OR i.report_due_on < $3::date))
  UNION ALL
  SELECT p.tenant_id, p.id::text || ':' || s.seq, p.item_ids
    FROM joint_participants p JOIN b ON b.id = p.tenant_id
    JOIN tasks t ON t.tenant_id = p.lead_tenant_id AND t.id = p.task_id AND t.status = 'DRAWN' AND t.ends_on < $3::date
    JOIN draws d ON d.tenant_id = t.tenant_id AND d.task_id = t.id AND d.status = 'DRAWN'
    JOIN draw_selections s ON s.tenant_id = d.tenant_id AND s.draw_id = d.id AND s.year = $2
   WHERE p.status = 'ACCEPTED' AND (cardinality(p.lead_item_ids) = 0 OR s.item_ids && p.lead_item_ids) AND NOT EXISTS (
     SELECT 1 FROM inspections i WHERE i.tenant_id = p.tenant_id AND i.participation_id = p.id AND i.seq = s.seq
        AND (i.status NOT IN ('DRAFT', 'RETURNED') OR i.report_due_on < $3::date))),
lx AS (SELECT l.tenant_id, l.key, x.item_id FROM l CROSS JOIN LATERAL unnest(l.item_ids) AS x(item_id)),
-- One row per record (its first item) for the bureau and month figures.
r1 AS (SELECT DISTINCT ON (r.tenant_id, r.id) r.* FROM r ORDER BY r.tenant_id, r.id),
s1 AS (SELECT DISTINCT ON (s.tenant_id, s.draw_id, s.seq) s.* FROM s ORDER BY s.tenant_id, s.draw_id, s.seq),
-- Per item and per department of each bureau, then summed over the bureaus by name.
ti AS (
  SELECT it.tenant_id, it.id, it.name, it.dept, it.status,
         coalesce(rs.ie, 0) AS ie, coalesce(rs.recs, 0) AS recs, coalesce(rs.pubs, 0) AS pubs, coalesce(rs.bads, 0) AS bads,
         coalesce(rs.lates, 0) + coalesce(ls.n, 0) AS lates, coalesce(ss.drawn, 0) AS drawn, coalesce(ss.done, 0) AS done,
         rs.item_id IS NOT NULL OR ss.item_id IS NOT NULL OR ls.item_id IS NOT NULL AS active
    FROM it
    LEFT JOIN (SELECT tenant_id, item_id, count(*) AS n FROM lx GROUP BY tenant_id, item_id) ls ON ls.tenant_id = it.tenant_id AND ls.item_id = it.id
    LEFT JOIN (SELECT tenant_id, item_id, count(DISTINCT entity_id) FILTER (WHERE pub) AS ie, count(*) AS recs,
                      count(*) FILTER (WHERE pub) AS pubs, count(*) FILTER (WHERE bad) AS bads, count(*) FILTER (WHERE late) AS lates
                 FROM r GROUP BY tenant_id, item_id) rs ON rs.tenant_id = it.tenant_id AND rs.item_id = it.id
    LEFT JOIN (SELECT tenant_id, item_id, count(*) AS drawn, count(*) FILTER (WHERE done) AS done
                 FROM s GROUP BY tenant_id, item_id) ss ON ss.tenant_id = it.tenant_id AND ss.item_id = it.id),
rd AS (SELECT DISTINCT r.tenant_id, r.id, r.entity_id, r.pub, r.bad, r.late, it.dept FROM r JOIN it ON it.tenant_id = r.tenant_id AND it.id = r.item_id),
sd AS (SELECT DISTINCT s.tenant_id, s.draw_id, s.seq, s.done, it.dept FROM s JOIN it ON it.tenant_id = s.tenant_id AND it.id = s.item_id),
ld AS (SELECT DISTINCT lx.tenant_id, lx.key, it.dept FROM lx JOIN it ON it.tenant_id = lx.tenant_id AND it.id = lx.item_id),
td AS (
  SELECT k.tenant_id, k.dept, coalesce(rs.ie, 0) AS ie, coalesce(rs.recs, 0) AS recs, coalesce(rs.pubs, 0) AS pubs,
         coalesce(rs.bads, 0) AS bads, coalesce(rs.lates, 0) + coalesce(ls.n, 0) AS lates, coalesce(ss.drawn, 0) AS drawn, coalesce(ss.done, 0) AS done
    FROM (SELECT tenant_id, dept FROM it WHERE status = 'PUBLISHED' UNION SELECT tenant_id, dept FROM rd UNION SELECT tenant_id, dept FROM sd
          UNION SELECT tenant_id, dept FROM ld) k
    LEFT JOIN (SELECT tenant_id, dept, count(*) AS n FROM ld GROUP BY tenant_id, dept) ls ON ls.tenant_id = k.tenant_id AND ls.dept IS NOT DISTINCT FROM k.dept
    LEFT JOIN (SELECT tenant_id, dept, count(DISTINCT entity_id) FILTER (WHERE pub) AS ie, count(*) AS recs,
                      count(*) FILTER (WHERE pub) AS pubs, count(*) FILTER (WHERE bad) AS bads, count(*) FILTER (WHERE late) AS lates
                 FROM rd GROUP BY tenant_id, dept) rs ON rs.tenant_id = k.tenant_id AND rs.dept IS NOT DISTINCT FROM k.dept
    LEFT JOIN (SELECT tenant_id, dept, count(*) AS drawn, count(*) FILTER (WHERE done) AS done
                 FROM sd GROUP BY tenant_id, dept) ss ON ss.tenant_id = k.tenant_id AND ss.dept IS NOT DISTINCT FROM k.dept)
SELECT 'bureau' AS dim, b.id::text AS key, NULL::text AS label, coalesce(e.n, 0) AS entities,
       coalesce(rb.ie, 0) AS inspected_entities, coalesce(sb.drawn, 0) AS drawn, coalesce(sb.done, 0) AS completed,
       coalesce(rb.recs, 0) AS records, coalesce(rb.pubs, 0) AS published, coalesce(rb.bads, 0) AS problems,
       coalesce(rb.lates, 0) + coalesce(lb.n, 0) AS overdue
  FROM b LEFT JOIN e ON e.tenant_id = b.id
  LEFT JOIN (SELECT tenant_id, count(*) AS n FROM l GROUP BY tenant_id) lb ON lb.tenant_id = b.id
  LEFT JOIN (SELECT tenant_id, count(DISTINCT entity_id) FILTER (WHERE pub) AS ie, count(*) AS recs, count(*) FILTER (WHERE pub) AS pubs,
                    count(*) FILTER (WHERE bad) AS bads, count(*) FILTER (WHERE late) AS lates
               FROM r1 GROUP BY tenant_id) rb ON rb.tenant_id = b.id
  LEFT JOIN (SELECT tenant_id, count(*) AS drawn, count(*) FILTER (WHERE done) AS done FROM s1 GROUP BY tenant_id) sb ON sb.tenant_id = b.id
UNION ALL
SELECT 'item', ti.name, ti.name, sum(coalesce(e.n, 0)), sum(ti.ie), sum(ti.drawn), sum(ti.done), sum(ti.recs), sum(ti.pubs), sum(ti.bads), sum(ti.lates)
  FROM ti LEFT JOIN e ON e.tenant_id = ti.tenant_id
 WHERE ti.status = 'PUBLISHED' OR ti.active
 GROUP BY ti.name
UNION ALL
SELECT 'department', td.dept, td.dept, sum(coalesce(e.n, 0)), sum(td.ie), sum(td.drawn), sum(td.done), sum(td.recs), sum(td.pubs), sum(td.bads), sum(td.lates)
  FROM td LEFT JOIN e ON e.tenant_id = td.tenant_id
 GROUP BY td.dept
UNION ALL
SELECT 'month', x.month, x.month, NULL, sum(x.ie), NULL, NULL, sum(x.recs), sum(x.pubs), sum(x.bads), sum(x.lates)
  FROM (SELECT tenant_id, month, count(DISTINCT entity_id) FILTER (WHERE pub) AS ie, count(*) AS recs, count(*) FILTER (WHERE pub) AS pubs,
               count(*) FILTER (WHERE bad) AS bads, count(*) FILTER (WHERE late) AS lates
          FROM r1 GROUP BY tenant_id, month) x
 GROUP BY x.month`;
