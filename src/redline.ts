/** Public entry point of the redline plugin (`sec-rules/redline`), for use in any unified pipeline. */
export { default, default as remarkRedline, pairRedlines, RULE as REDLINE_RULES } from './compiler/2-parse/redline/plugin.js';
export { project, removedIn, isWhollyRedlined, isWhollyRemoved, VIEWS } from './compiler/3-project/project.js';
export type { Insertion, Deletion, Redline, RedlineFields } from './compiler/2-parse/redline/types.js';
export { isRedline } from './compiler/2-parse/redline/types.js';
