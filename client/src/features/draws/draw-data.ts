/** The draw's JSON fields as the server writes them (summary, entropy, failure), and the checks anyone can redo. */
import { commitmentOf, deriveSeedHex, type DrawAlgorithm } from '@spotcheck/shared';
import type { CeremonyDraw } from './operations';

export interface Stratum {
  key: string;
  item: string;
  ratio: string;
  eligible: number;
  excluded: Record<string, number>;
}

export interface PoolSummary {
  strata: Stratum[];
  inspectors: number;
  exclusions: number;
  joint?: { leadGroup: string; groups: { group: string; bureau: string; department: string; inspectors: number }[] };
  /** A task restricted to risk classes: the classes, entities of other classes, and whether an extra round. */
  risk?: { classes: string[]; otherClasses: number; extraRound: boolean };
}

export interface EntropyEntry {
  kind: 'WITNESS' | 'PUBLIC_NUMBER';
  value: string;
  /** The username of who entered it; `byName` their name (entries from before it was kept have none). */
  by: string;
  byName?: string;
  at: string;
}

export interface DrawFailure {
  constraint: string;
  phase: string;
  stratumKey?: string;
  entityKey?: string;
  group?: string;
}

export function summaryOf(draw: CeremonyDraw): PoolSummary {
  const s = (draw.summary ?? {}) as Partial<PoolSummary>;
  return { strata: s.strata ?? [], inspectors: s.inspectors ?? 0, exclusions: s.exclusions ?? 0, joint: s.joint, risk: s.risk };
}

export function entropyOf(draw: CeremonyDraw): EntropyEntry[] {
  return Array.isArray(draw.publicEntropy) ? (draw.publicEntropy as EntropyEntry[]) : [];
}

export function failureOf(draw: CeremonyDraw): DrawFailure | null {
  const f = draw.failure as DrawFailure | null | undefined;
  return f && typeof f.constraint === 'string' ? f : null;
}

/** Redoes in the browser what the record promises: SHA-256(serverSeed) = commitment, and the seed's derivation. */
export function verifyReveal(draw: CeremonyDraw): { commitment: boolean; seed: boolean } | null {
  if (!draw.serverSeed || !draw.seed) return null;
  const entropy = entropyOf(draw);
  const ordered = [...entropy.filter((e) => e.kind === 'WITNESS'), ...entropy.filter((e) => e.kind === 'PUBLIC_NUMBER')].map((e) => e.value);
  try {
    return {
      commitment: commitmentOf(draw.serverSeed) === draw.commitment,
      seed: deriveSeedHex(draw.inputHash, draw.serverSeed, ordered, draw.algorithm as DrawAlgorithm) === draw.seed,
    };
  } catch {
    return { commitment: false, seed: false };
  }
}

/** 64 hex digits in groups of 8, so a witness can read them out and compare. */
export function groupedHex(hex: string): string {
  return hex.replace(/(.{8})(?=.)/g, '$1 ');
}

/** The ceremony's stage: 0 not frozen, 1 collecting entropy, 2 ready to draw, 3 drawn. */
export function stepOf(draw: CeremonyDraw | null): number {
  if (!draw) return 0;
  if (draw.status === 'DRAWN') return 3;
  const entries = entropyOf(draw);
  return entries.some((e) => e.kind === 'WITNESS') && entries.some((e) => e.kind === 'PUBLIC_NUMBER') ? 2 : 1;
}
