/** The semantic change set of a redline, the intent check against a modification manifest, and their formats. */
export * from './diff.js';
export * from './format.js';
export * from './intent.js';
