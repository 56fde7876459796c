/** 成绩与奖项: the pure rules from scores to ranks, awards and proposed outcomes, shared by server and client. */
export * from './awards.js';
export * from './explain.js';
export * from './formulas.js';
export * from './organization.js';
export * from './outcomes.js';
export * from './ranking.js';
export * from './standardized.js';
export * from './teams.js';
export * from './types.js';
