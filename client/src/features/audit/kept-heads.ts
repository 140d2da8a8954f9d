/** Heads kept outside the database, one `seq hash` a line; the number of the first bad line otherwise. */
export function parseKeptHeads(text: string): { seq: number; hash: string }[] | number {
  const heads: { seq: number; hash: string }[] = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i]!.trim();
    if (!line) continue;
    const match = /^(\d+)[\s,，:：]+([0-9a-fA-F]{64})$/.exec(line);
    if (!match) return i + 1;
    heads.push({ seq: Number(match[1]), hash: match[2]!.toLowerCase() });
  }
  return heads;
}
