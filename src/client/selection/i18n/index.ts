import * as commendation from './commendation';
import * as consoleTexts from './console';
import * as cuts from './cuts';
import * as nominations from './nominations';
import * as review from './review';

/** The Technical Expert selection's texts, one file per module (merged into the app's dictionaries). */
export const selectionZh = { ...consoleTexts.zh, ...nominations.zh, ...review.zh, ...cuts.zh, ...commendation.zh } as const;
export const selectionEn = { ...consoleTexts.en, ...nominations.en, ...review.en, ...cuts.en, ...commendation.en };
