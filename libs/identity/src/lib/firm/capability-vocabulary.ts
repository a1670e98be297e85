/**
 * The capability taxonomy lives in the catalogue, which depends on identity. Identity asks for it
 * through this port; the catalogue module provides it.
 */
export interface CapabilityVocabulary {
  /** Returns those of `codes` that are not entries of the given kind. */
  unknownCodes(kind: 'certification' | 'nace', codes: readonly string[]): Promise<string[]>;
}

export const CAPABILITY_VOCABULARY = Symbol.for('kooperant.capability-vocabulary');
