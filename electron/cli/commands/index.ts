import type { Command } from '../command.js';

/** Every `monotable` verb, in the order `--help` lists them. */
export const commands: Command[] = [
];
