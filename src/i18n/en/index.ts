import { app } from './app';

/** English: the reference language. Every other language has exactly these keys. */
export const en = { app };
