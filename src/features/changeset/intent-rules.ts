/** The rule ids of the intent check and of reading its manifests. */
export const INTENT_RULES = {
  unintended: 'intent-unintended',
  missing: 'intent-missing',
  value: 'intent-value',
  manifestYaml: 'manifest-yaml',
  manifestInvalid: 'manifest-invalid',
  manifestUnknown: 'manifest-unknown-modification',
  manifestMissing: 'manifest-missing',
} as const;
