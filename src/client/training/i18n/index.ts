import * as completionTexts from './completion';
import * as consoleTexts from './console';

/** The training programmes' texts, one file per module (merged into the app's dictionaries). */
export const trainingZh = { ...consoleTexts.zh, ...completionTexts.zh } as const;
export const trainingEn = { ...consoleTexts.en, ...completionTexts.en };
