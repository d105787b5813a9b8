import type { Command } from '../command.js';
import { engineCommand } from './engine.js';

/** Every `monotable` verb, in the order `--help` lists them. */
export const commands: Command[] = [
  engineCommand,
];
