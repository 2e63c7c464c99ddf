/**
 * The tfjs wasm backend in the unit tests (Node): its .wasm files straight from node_modules.
 */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';

const WASM_DIR = fileURLToPath(
  new URL('../../node_modules/@tensorflow/tfjs-backend-wasm/dist/', import.meta.url),
);

/** Makes the wasm backend active and checks that it really is. */
export async function setWasmBackend(): Promise<void> {
  setWasmPaths(WASM_DIR);
  await tf.setBackend('wasm');
  await tf.ready();
  expect(tf.getBackend()).toBe('wasm');
}
