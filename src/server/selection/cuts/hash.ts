import crypto from 'node:crypto';
import { cutDiscrepancy, cutHash, type CutRanking, type CutRules } from '../../../shared/selection/cut.js';

/** SHA-256 in hex: the hash function the shared cut rules are given on the server and in the CLI. */
export const sha256Hex = (text: string): string => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

export const hashCut = (rules: CutRules, ranking: CutRanking): string => cutHash(rules, ranking, sha256Hex);
export const checkCut = (rules: CutRules, ranking: CutRanking, hash: string): string | null => cutDiscrepancy(rules, ranking, hash, sha256Hex);
