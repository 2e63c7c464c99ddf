import type { en } from '../en';
import type { Translation } from '../types';
import { app } from './app';

export const ko: Translation<typeof en> = { app };
