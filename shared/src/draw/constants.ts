/** The algorithm and record format this code implements; see docs/draw-spec.md. */
export const DRAW_VERSION = 'spotcheck-draw/1';
/** The same draw over pseudonymous keys (docs/draw-spec.md §16): nobody is named in the record. */
export const DRAW_VERSION_PSEUDONYMOUS = 'spotcheck-draw/2';
export const DRAW_ALGORITHMS = [DRAW_VERSION, DRAW_VERSION_PSEUDONYMOUS] as const;
export type DrawAlgorithm = (typeof DRAW_ALGORITHMS)[number];

/** Weights and ratios are decimals with at most 4 places, handled as integers in units of 10⁻⁴. */
export const DECIMAL_SCALE = 10000;

/** 2^53: the 53-bit integers drawn from the keystream lie in [0, 2^53). Exactly representable. */
export const TWO_POW_53 = 9007199254740992;

/** ChaCha20 nonce purposes (the first 4 bytes of the nonce, big-endian). */
export const PURPOSE_SELECTION = 1;
export const PURPOSE_TEAMS = 2;
