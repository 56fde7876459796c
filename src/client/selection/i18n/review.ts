/** The selection's review texts: zh first; en must have exactly the same keys. */
export const zh = {
} as const;

export const en: Record<keyof typeof zh, string> = {
};
