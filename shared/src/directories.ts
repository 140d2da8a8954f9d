/**
 * Vocabulary of the item list and the two directories: codes stored in the database, with the
 * Chinese labels used in forms, imports and exports (an import accepts either).
 */
function vocabulary<const T extends Record<string, string>>(labels: T) {
  const byLabel = new Map(Object.entries(labels).map(([code, label]) => [label, code as keyof T & string]));
  return {
    codes: Object.keys(labels) as (keyof T & string)[],
    labels,
    /** The code for a code or a Chinese label, after trimming; null when unknown. */
    parse(value: string): (keyof T & string) | null {
      const v = value.trim();
      if (v in labels) return v as keyof T & string;
      return byLabel.get(v) ?? null;
    },
  };
}

export const ITEM_CATEGORY = vocabulary({ GENERAL: '一般检查事项', KEY: '重点检查事项' });
export const INSPECTION_METHOD = vocabulary({
  ON_SITE: '实地核查',
  DOCUMENTS: '资料核查',
  ONLINE: '网络监测',
  COMBINED: '结合资料核查',
  OTHER: '其他',
});
export const GENDER = vocabulary({ MALE: '男', FEMALE: '女' });
export const ESTABLISHMENT = vocabulary({ ADMINISTRATIVE: '行政编制', INSTITUTIONAL: '事业编制' });
export const INSPECTOR_STATUS = vocabulary({ ACTIVE: '在岗', SUSPENDED: '暂停执法', LEFT: '调离' });
export const ENTITY_STATUS = vocabulary({
  EXISTING: '存续',
  OPERATING: '在业',
  CANCELLED: '注销',
  REVOKED: '吊销',
  WITHDRAWN: '撤销',
  MOVED_OUT: '迁出',
  CLOSED: '停业',
});
export const CREDIT_CLASS = vocabulary({ A: 'A', B: 'B', C: 'C', D: 'D' });
export const RISK_LEVEL = vocabulary({ LOW: '低', MEDIUM: '中', HIGH: '高' });

/** Statuses of entities that still exist and can be inspected. */
export const ACTIVE_ENTITY_STATUSES = ['EXISTING', 'OPERATING'] as const;

/**
 * “不低于10%”, “10%”, “0.1”, “不不低于 30%” (sic, in 舞钢's list) → the exact decimal string "0.10".
 * Null when no percentage or fraction can be read.
 */
export function parseRatio(text: string): string | null {
  const percent = /(\d{1,3}(?:\.\d{1,2})?)\s*[%％]/.exec(text);
  if (percent) {
    const value = Number(percent[1]);
    if (value > 100) return null;
    return (value / 100).toFixed(Math.max(2, (percent[1]!.split('.')[1]?.length ?? 0) + 2));
  }
  const fraction = /^\s*(0(?:\.\d{1,4})?|1(?:\.0{1,4})?)\s*$/.exec(text);
  return fraction ? Number(fraction[1]).toFixed(Math.max(2, fraction[1]!.split('.')[1]?.length ?? 0)) : null;
}

/** A stored ratio ("0.1000" from numeric(5,4)) as the documents write it: "0.10", "0.30", "0.025". */
export function formatRatio(stored: string): string {
  const [whole, fraction = ''] = stored.split('.');
  const trimmed = fraction.replace(/0+$/, '').padEnd(2, '0');
  return `${whole}.${trimmed}`;
}
