/** The inspection record's page (built beside the inspection list); global ids may hold "/", "+" or "=". */
export const recordLink = (id: string) => `/inspections/${encodeURIComponent(id)}`;
