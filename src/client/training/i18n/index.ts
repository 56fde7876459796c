import * as consoleTexts from './console';
import * as enrolmentTexts from './enrolment';

/** The training programmes' texts, one file per module (merged into the app's dictionaries). */
export const trainingZh = { ...consoleTexts.zh, ...enrolmentTexts.zh } as const;
export const trainingEn = { ...consoleTexts.en, ...enrolmentTexts.en };
