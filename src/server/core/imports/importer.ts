import type { Role } from '../../../shared/contracts/auth.js';
import type { CellValue, RowProblems, SheetSpec } from '../../../shared/excel/sheet.js';
import type { ServiceContext } from '../../context.js';
import type { DbOrTx } from '../../db/client.js';

/**
 * One kind of spreadsheet import. The engine (service.ts) does the rest the same way for every
 * kind: limits, header check, row report, duplicates in the file and in the registry, atomic commit.
 */
export interface Importer<K extends string, Value, Sealed> {
  spec: SheetSpec<K>;
  roles: Role[];
  /** Drop-down lists that depend on the registry (e.g. trades), for the template. */
  templateLists(ctx: ServiceContext): Promise<Record<string, readonly string[]>>;
  /** Look-ups prepared once per file. */
  prepare(ctx: ServiceContext): Promise<(cells: Record<K, CellValue>, p: RowProblems<K>) => Value | null>;
  /**
   * Keys that must be unique, each with the column reported when it is not. They are compared in
   * memory, within the file, and never stored (they may be personal fields in clear).
   */
  keys(ctx: ServiceContext, v: Value): { key: string; column: K; label: string }[];
  /**
   * What is kept between preview and commit, personal fields sealed: rows are handed over in
   * batches while the file is still being read, and may be sealed on another thread meanwhile.
   */
  seal(ctx: ServiceContext, rows: Value[]): Promise<Sealed[]>;
  /** A sealed row's keys as the registry holds them (e.g. an ID number's keyed hash), in the order of keys(). */
  registryKeys(s: Sealed): string[];
  /** Which of these registry keys the registry already holds. */
  existing(db: DbOrTx, keys: string[]): Promise<Set<string>>;
  /** The sealed rows as the batch keeps them (text); JSON unless the importer has its own format. */
  encode?(rows: Sealed[]): string;
  /**
   * Inserts the batch's rows, skipping any registered since the preview (never doubling them).
   * Runs inside the commit's transaction.
   */
  commit(tx: DbOrTx, ctx: ServiceContext, batch: StoredBatch<Sealed>): Promise<CommitOutcome>;
}

/**
 * A previewed batch: its id, how many valid rows it holds, and (read only on demand) the rows of
 * an importer without its own format.
 */
export interface StoredBatch<Sealed> {
  id: string;
  valid: number;
  rows(): Promise<Sealed[]>;
}

export interface CommitOutcome {
  inserted: number;
  skipped: number;
  oneTimePasswords?: { username: string; oneTimePassword: string }[];
}

/** Commit in JavaScript, row by row: for the small imports (units, accounts). */
export async function commitRows<Sealed>(
  tx: DbOrTx,
  rows: Sealed[],
  keysOf: (s: Sealed) => string[],
  existing: (db: DbOrTx, keys: string[]) => Promise<Set<string>>,
  insert: (rows: Sealed[]) => Promise<Omit<CommitOutcome, 'inserted' | 'skipped'>>,
): Promise<CommitOutcome> {
  const taken = await existing(tx, rows.flatMap(keysOf));
  const fresh = rows.filter((r) => !keysOf(r).some((k) => taken.has(k)));
  const extra = await insert(fresh);
  return { inserted: fresh.length, skipped: rows.length - fresh.length, ...extra };
}
