/** 职业技能大赛: the pure rules shared by the server and the client. */
export * from './draw.js';
export * from './hundredths.js';
export * from './marks.js';
export * from './parts.js';
export * from './recusal.js';
export * from './scheme.js';
export * from './state-machine.js';
export * from './states.js';
