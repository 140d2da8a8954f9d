/**
 * autocannon decodes each chunk of a body on its own (`body += chunk`), so a Chinese character whose
 * bytes arrive in two chunks reads as replacement characters. Such a body is the reference if every
 * run of replacement characters stands for exactly one character of it and the rest is equal.
 */
export function sameButSplit(text: string, reference: string): boolean {
  if (!text.includes('\uFFFD') || reference.includes('\uFFFD')) return false;
  const parts = text.split(/\uFFFD+/);
  let at = 0;
  for (const [i, part] of parts.entries()) {
    if (!reference.startsWith(part, at)) return false;
    at += part.length + (i < parts.length - 1 ? 1 : 0);
  }
  return at === reference.length;
}
