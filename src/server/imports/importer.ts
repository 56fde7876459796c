import type { Role } from '../../shared/contracts/auth.js';
import type { CellValue, RowProblems, SheetSpec } from '../../shared/excel/sheet.js';
import type { ServiceContext } from '../context.js';
import type { DbOrTx } from '../db/client.js';

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
  /** Keys that must be unique, each with the column reported when it is not. */
  keys(ctx: ServiceContext, v: Value): { key: string; column: K; label: string }[];
  /** Which of these keys the registry already holds. */
  existing(db: DbOrTx, keys: string[]): Promise<Set<string>>;
  /** What is kept between preview and commit: personal fields sealed. */
  seal(ctx: ServiceContext, v: Value): Sealed;
  /** Keys of a sealed row, to re-check at commit. */
  sealedKeys(s: Sealed): string[];
  insert(tx: DbOrTx, ctx: ServiceContext, rows: Sealed[]): Promise<{ oneTimePasswords?: { username: string; oneTimePassword: string }[] }>;
}
