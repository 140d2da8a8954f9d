import { FEED_KIND_LABELS, type FeedEntry } from './feed';

export interface FeedMeta {
  title: string;
  /** PUBLIC_BASE_URL, or '' for site-rooted links. */
  base: string;
  /** URLs of this feed in each format, and of the site: absolute when `base` is set. */
  jsonUrl: string;
  atomUrl: string;
  homeUrl: string;
  /** A permanent id of the feed (does not depend on the host it is read through). */
  id: string;
}

/** A stable IRI for a published thing: its global id already names its type. */
export function entryIri(entry: FeedEntry): string {
  return `urn:spotcheck:${entry.id}`;
}

/** A site-rooted path (`/api/…`) under the configured base URL. */
function absolute(base: string, url: string | null): string | null {
  return url ? `${base}${url}` : null;
}

/** JSON Feed 1.1 (https://jsonfeed.org/version/1.1); SpotCheck's own fields under `_spotcheck`. */
export function renderJsonFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  return JSON.stringify({
    version: 'https://jsonfeed.org/version/1.1',
    title: meta.title,
    home_page_url: meta.homeUrl,
    feed_url: meta.jsonUrl,
    description: '“双随机、一公开”公示：抽查结果、抽查任务公告、摇号结果、年度抽查计划，最新在前',
    language: 'zh-CN',
    authors: [{ name: 'SpotCheck 公示平台' }],
    items: entries.map((e) => ({
      id: entryIri(e),
      ...(e.url ? { url: absolute(meta.base, e.url) } : {}),
      title: e.title,
      content_text: e.text,
      date_published: e.at.toISOString(),
      authors: [{ name: e.bureau.name }],
      tags: [FEED_KIND_LABELS[e.kind]],
      _spotcheck: { kind: e.kind, id: e.id, bureauId: e.bureau.id, ...(e.auditHead && { auditHead: e.auditHead }) },
    })),
  });
}

// XML 1.0 allows only these characters; anything else (controls, lone surrogates) is dropped.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };

/** Text for XML content or an attribute value. */
export function xmlEscape(text: string): string {
  return text.replace(NOT_XML, '').replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

const EPOCH = new Date(0);

/** Atom 1.0 (RFC 4287): every text escaped, entries authored by their bureau. */
export function renderAtomFeed(meta: FeedMeta, entries: FeedEntry[]): string {
  const x = xmlEscape;
  const updated = (entries[0]?.at ?? EPOCH).toISOString();
  const out = [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${x(meta.id)}</id>`,
    `  <title type="text">${x(meta.title)}</title>`,
    `  <updated>${updated}</updated>`,
    `  <link rel="self" type="application/atom+xml" href="${x(meta.atomUrl)}"/>`,
    `  <link rel="alternate" type="application/feed+json" href="${x(meta.jsonUrl)}"/>`,
    '  <author><name>SpotCheck 公示平台</name></author>',
    '  <generator>SpotCheck</generator>',
  ];
  for (const e of entries) {
    const url = absolute(meta.base, e.url);
    out.push(
      '  <entry>',
      `    <id>${x(entryIri(e))}</id>`,
      `    <title type="text">${x(e.title)}</title>`,
      `    <updated>${e.at.toISOString()}</updated>`,
      `    <published>${e.at.toISOString()}</published>`,
      `    <author><name>${x(e.bureau.name)}</name></author>`,
      `    <category term="${e.kind}" label="${x(FEED_KIND_LABELS[e.kind])}"/>`,
      ...(url ? [`    <link rel="related" type="application/json" href="${x(url)}"/>`] : []),
      `    <content type="text">${x(e.text)}</content>`,
      '  </entry>',
    );
  }
  out.push('</feed>', '');
  return out.join('\n');
}
