import * as tf from '@tensorflow/tfjs';
import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import './app/wasmPaths';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { startI18n } from './i18n';
import { registerOfflineSupport } from './app/offline';
import { loseWebGLContextForTest } from './engine/backends';
import './styles.css';

// Until a lab picks the backend for its model (by measuring), small tensor work runs on the CPU
// backend: it starts at once, where tfjs by itself would start WebGL, even a software one.
void tf.setBackend('cpu');

startI18n();

// A hook for the end-to-end tests (and the curious): simulate a GPU reset.
Object.assign(window, { __trainingLab: { loseWebGLContext: loseWebGLContextForTest } });

// Offline after one visit (a service worker, in the production build only).
registerOfflineSupport();

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
