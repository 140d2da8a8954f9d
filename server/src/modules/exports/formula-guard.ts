/**
 * Spreadsheet formula injection: a cell that starts with = + - @ (or a tab or carriage return) may be
 * run as a formula when the file is opened. Exports prefix such text with an apostrophe, which Excel
 * and WPS show as plain text; imports drop that apostrophe again, so an export imports back unchanged.
 */
const TRIGGER = /^[=+\-@\t\r]/;

export function neutralise(text: string): string {
  return TRIGGER.test(text) ? `'${text}` : text;
}

export function restoreNeutralised(text: string): string {
  return text.charCodeAt(0) === 39 && TRIGGER.test(text.slice(1, 2)) ? text.slice(1) : text;
}
