/** The semantic change set is computed by the compiler (stage 5, linking the two views); features read it from here. */
export * from '../../compiler/5-link/change-set/diff.js';
