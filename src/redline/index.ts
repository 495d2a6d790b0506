/** Public entry point of the redline plugin (`sec-rules/redline`), for use in any unified pipeline. */
export { default, default as remarkRedline, pairRedlines, RULE as REDLINE_RULES } from './plugin.js';
export { project, removedIn, isWhollyRedlined, isWhollyRemoved, VIEWS } from './project.js';
export type { Insertion, Deletion, Redline, RedlineFields } from './types.js';
export { isRedline } from './types.js';
