import * as attendanceTexts from './attendance';
import * as completionTexts from './completion';
import * as consoleTexts from './console';
import * as enrolmentTexts from './enrolment';
import * as subsidyTexts from './subsidy';

/** The training programmes' texts, one file per module (merged into the app's dictionaries). */
export const trainingZh = { ...consoleTexts.zh, ...enrolmentTexts.zh, ...attendanceTexts.zh, ...completionTexts.zh, ...subsidyTexts.zh } as const;
export const trainingEn = { ...consoleTexts.en, ...enrolmentTexts.en, ...attendanceTexts.en, ...completionTexts.en, ...subsidyTexts.en };
