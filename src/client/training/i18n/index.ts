import * as consoleTexts from './console';
import * as subsidyTexts from './subsidy';

/** The training programmes' texts, one file per module (merged into the app's dictionaries). */
export const trainingZh = { ...consoleTexts.zh, ...subsidyTexts.zh } as const;
export const trainingEn = { ...consoleTexts.en, ...subsidyTexts.en };
