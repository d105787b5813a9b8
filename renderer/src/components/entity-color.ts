/**
 * A stable colour per entity name, so an entity looks the same in the tree, the diagram, the grid and the patterns.
 * The palette lives in styles/theme.css (`--entity-0` … `--entity-9`, each with a `-bg` tint) and adapts to the theme.
 */
export const ENTITY_PALETTE_SIZE = 10;

/** FNV-1a over the name's UTF-16 units: the same name always gets the same slot, in every session. */
export function entityColorIndex(name: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) {
    hash ^= name.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0) % ENTITY_PALETTE_SIZE;
}

export interface EntityColor {
  /** Text and border colour (readable on the theme's background). */
  color: string;
  /** A soft tint for backgrounds of rows and chips. */
  background: string;
}

export function entityColor(name: string): EntityColor {
  const slot = entityColorIndex(name);
  return { color: `var(--entity-${slot})`, background: `var(--entity-${slot}-bg)` };
}
