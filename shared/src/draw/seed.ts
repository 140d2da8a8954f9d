import { concatBytes, fromHex, isCleanText, isHex, lengthPrefixed, toHex, utf8 } from './bytes';
import { DRAW_VERSION, type DrawAlgorithm } from './constants';
import { DrawInputError } from './errors';
import { sha256 } from './sha256';

/** Throws unless `serverSeedHex` is 32 bytes in lower-case hex. */
export function assertServerSeed(serverSeedHex: unknown): asserts serverSeedHex is string {
  if (!isHex(serverSeedHex, 32)) throw new DrawInputError('serverSeed', '服务器种子须为 64 位小写十六进制（32 字节）');
}

/** Throws unless the entropy is a non-empty list of non-empty texts without control characters. */
export function assertPublicEntropy(entropy: unknown): asserts entropy is string[] {
  if (!Array.isArray(entropy) || entropy.length === 0) {
    throw new DrawInputError('publicEntropy', '公开熵不能为空：须有见证人录入的数值或公开开奖号码');
  }
  entropy.forEach((e, i) => {
    if (!isCleanText(e)) throw new DrawInputError(`publicEntropy[${i}]`, `公开熵第 ${i + 1} 项须为非空文本，且不含控制字符`);
  });
}

/** The commitment published before the ceremony: lower-case hex SHA-256 of the 32 server seed bytes. */
export function commitmentOf(serverSeedHex: string): string {
  assertServerSeed(serverSeedHex);
  return toHex(sha256(fromHex(serverSeedHex)));
}

/**
 * seed = SHA-256( lp("spotcheck-draw/1") ‖ lp(inputHash, 32 bytes) ‖ lp(serverSeed, 32 bytes)
 *                 ‖ lp(utf8(entropy₁)) ‖ … ‖ lp(utf8(entropyₙ)) ),
 * lp(x) = 4-byte big-endian length of x ‖ x.
 */
export function deriveSeed(inputHashHex: string, serverSeedHex: string, publicEntropy: readonly string[], algorithm: DrawAlgorithm = DRAW_VERSION): Uint8Array {
  if (!isHex(inputHashHex, 32)) throw new DrawInputError('inputHash', 'inputHash 须为 64 位小写十六进制');
  assertServerSeed(serverSeedHex);
  assertPublicEntropy(publicEntropy);
  return sha256(
    concatBytes([
      lengthPrefixed(utf8(algorithm)),
      lengthPrefixed(fromHex(inputHashHex)),
      lengthPrefixed(fromHex(serverSeedHex)),
      ...publicEntropy.map((e) => lengthPrefixed(utf8(e))),
    ]),
  );
}

export function deriveSeedHex(inputHashHex: string, serverSeedHex: string, publicEntropy: readonly string[], algorithm: DrawAlgorithm = DRAW_VERSION): string {
  return toHex(deriveSeed(inputHashHex, serverSeedHex, publicEntropy, algorithm));
}
