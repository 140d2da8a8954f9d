/** One line of a publication notice (公示): the result of inspecting one market entity. */
export interface NoticeRow {
  seq: number;
  entityName: string;
  uscc: string;
  address?: string | null;
  items: string[];
  /** YYYY-MM-DD. */
  inspectedOn: string;
  inspectors?: string[] | null;
  /** The result as published, e.g. 未发现问题、发现问题已责令改正. */
  resultCategory: string;
  findings?: string | null;
  /** Set when the row corrects an earlier publication: which one, as a reader would name it. */
  correctionOf?: string | null;
}

/** What lets a reader check the draw behind the notice (see docs/draw-spec.md). */
export interface NoticeVerification {
  drawId: string;
  inputHash: string;
  seed: string;
  /** The draw's record, as an absolute address. */
  url: string;
  /** The portal's page that verifies the draw in the reader's browser, as an absolute address (the QR code). */
  pageUrl: string;
}

/** Everything a publication notice shows; the renderers take it as is and query nothing. */
export interface PublicationNotice {
  bureauName: string;
  title: string;
  noticeNo?: string | null;
  /** YYYY-MM-DD. */
  publishedOn: string;
  intro: string;
  rows: NoticeRow[];
  /** 监督电话, how to object, and so on; line breaks are kept. */
  footer: string;
  verification?: NoticeVerification | null;
}

/** A column of the results table, shared by the spreadsheet and the PDF so both show the same. */
export interface NoticeColumn {
  header: string;
  /** Spreadsheet width in characters; the PDF shares out its width in the same proportions. */
  width: number;
  /** Short codes and dates: centred, and as wide in the PDF as their widest value, so they never wrap. */
  fit?: boolean;
  value(row: NoticeRow): string | number;
}

const joined = (list: readonly string[] | null | undefined) => (list ?? []).filter((s) => s.trim()).join('、');

const ALL_COLUMNS: (NoticeColumn & { optional?: (row: NoticeRow) => boolean })[] = [
  { header: '序号', width: 6, fit: true, value: (r) => r.seq },
  { header: '市场主体名称', width: 28, value: (r) => r.entityName },
  { header: '统一社会信用代码', width: 21, fit: true, value: (r) => r.uscc },
  { header: '地址', width: 24, value: (r) => r.address ?? '', optional: (r) => !!r.address?.trim() },
  { header: '抽查事项', width: 28, value: (r) => joined(r.items) },
  { header: '检查日期', width: 12, fit: true, value: (r) => r.inspectedOn },
  { header: '执法检查人员', width: 14, value: (r) => joined(r.inspectors), optional: (r) => joined(r.inspectors) !== '' },
  { header: '检查结果', width: 16, value: (r) => r.resultCategory },
  { header: '发现的问题', width: 28, value: (r) => r.findings ?? '', optional: (r) => !!r.findings?.trim() },
  { header: '备注', width: 18, value: (r) => (r.correctionOf ? `更正${r.correctionOf}` : ''), optional: (r) => !!r.correctionOf?.trim() },
];

/** The columns this notice needs: an optional column appears only when some row has a value for it. */
export function noticeColumns(notice: PublicationNotice): NoticeColumn[] {
  return ALL_COLUMNS.filter((c) => !c.optional || notice.rows.some(c.optional));
}

/** 2026-03-01 → 2026年3月1日, the way official documents write dates; anything else is shown as given. */
export function chineseDate(iso: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return match ? `${match[1]}年${Number(match[2])}月${Number(match[3])}日` : iso;
}

/** The line under the title: who publishes, the number, the date. */
export function noticeByline(notice: PublicationNotice): string {
  return [notice.bureauName, notice.noticeNo, `发布日期：${chineseDate(notice.publishedOn)}`].filter(Boolean).join('　');
}

/** The verification paragraph, or null when the notice has no draw behind it. */
export function verificationText(notice: PublicationNotice): string | null {
  const v = notice.verification;
  if (!v) return null;
  return `抽取可验证：摇号编号 ${v.drawId}；输入哈希 ${v.inputHash}；随机种子 ${v.seed}；验证地址 ${v.url}`;
}

export const EMPTY_NOTICE_TEXT = '本期无抽查结果。';
