// Types for dynalite-patches.js (the engine process is plain JavaScript; tests read the list).
export interface DynalitePatch {
  name: string;
  file: string;
  why: string;
  find: string;
  replace: string | ((source: string) => string);
}
export const DYNALITE_PATCHES: DynalitePatch[];
