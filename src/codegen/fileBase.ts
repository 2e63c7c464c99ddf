/**
 * File names (without the extension) for the generated programs: the lecture's `and_classifier.py`
 * becomes `xor_classifier.py` for XOR, as its exercise names it.
 */
import type { GatesSettings } from '../labs/gates/settings';

export function gatesFileBase(settings: Pick<GatesSettings, 'gate'>): string {
  return `${settings.gate.toLowerCase()}_classifier`;
}

export const FASHION_FILE_BASE = 'fashion_mnist_classifier';
