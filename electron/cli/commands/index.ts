import type { Command } from '../command.js';
import { engineCommand } from './engine.js';
import { exportCommand } from './export.js';
import { createCommand } from './create.js';
import { dropCommand } from './drop.js';
import { driftCommand } from './drift.js';
import { importCommand } from './import.js';
import { newCommand } from './new.js';
import { patternsCommand } from './patterns.js';
import { queryCommand } from './query.js';
import { runCommand } from './run.js';
import { scanCommand } from './scan.js';
import { seedCommand } from './seed.js';
import { templatesCommand } from './templates.js';
import { validateCommand } from './validate.js';

/** Every `monotable` verb, in the order `--help` lists them. */
export const commands: Command[] = [
  validateCommand,
  patternsCommand,
  exportCommand,
  importCommand,
  templatesCommand,
  newCommand,
  engineCommand,
  createCommand,
  driftCommand,
  dropCommand,
  runCommand,
  queryCommand,
  scanCommand,
  seedCommand,
];
