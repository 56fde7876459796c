import * as attendanceTexts from './attendance';
import * as consoleTexts from './console';

/** The training programmes' texts, one file per module (merged into the app's dictionaries). */
export const trainingZh = { ...consoleTexts.zh, ...attendanceTexts.zh } as const;
export const trainingEn = { ...consoleTexts.en, ...attendanceTexts.en };
