/** At most this many characters of a search are looked up as bigrams; `strpos` checks the whole. */
const PROBE_CHARACTERS = 32;

/**
 * The part of a name search whose bigrams the index is asked for (migration ListIndexes): a name that
 * holds the search holds every bigram of its start, so the index narrows and `strpos` decides, and a
 * search of 100,000 characters costs no more than one of 32. Null for one character (no bigram).
 */
export function bigramProbe(search: string): string | null {
  const characters = [...search];
  return characters.length >= 2 ? characters.slice(0, PROBE_CHARACTERS).join('') : null;
}
