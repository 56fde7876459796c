/** The training console's shell texts: zh first; en must have exactly the same keys. */
export const zh = {
  'nav.training': '培训项目',
  'training.title': '培训项目',
  'training.classes': '培训班',
  'training.class': '培训班',
  'training.none': '还没有培训项目',
  'training.tab.overview': '概览',
} as const;

export const en: Record<keyof typeof zh, string> = {
  'nav.training': 'Training',
  'training.title': 'Training programmes',
  'training.classes': 'Classes',
  'training.class': 'Class',
  'training.none': 'No programmes yet',
  'training.tab.overview': 'Overview',
};
