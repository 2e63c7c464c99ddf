import type { en } from '../en';
import type { Translation } from '../types';
import { app } from './app';
import { backend } from './backend';
import { classroom } from './classroom';
import { common } from './common';
import { data } from './data';
import { descent } from './descent';
import { fashion } from './fashion';
import { gates } from './gates';
import { guide } from './guide';
import { modelFiles } from './modelFiles';
import { repair } from './repair';
import { tensors } from './tensors';
import { runs } from './runs';
import { ui } from './ui';

export const ko: Translation<typeof en> = {
  app,
  classroom,
  guide,
  common,
  backend,
  ui,
  gates,
  tensors,
  fashion,
  data,
  repair,
  modelFiles,
  descent,
  runs,
};
