import '@tensorflow/tfjs-backend-webgl';
import '@tensorflow/tfjs-backend-wasm';
import './app/wasmPaths';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import { loseWebGLContextForTest } from './engine/backends';
import './styles.css';

// A hook for the end-to-end tests (and the curious): simulate a GPU reset.
Object.assign(window, { __trainingLab: { loseWebGLContext: loseWebGLContextForTest } });

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
