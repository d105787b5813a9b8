import { describe, expect, it } from 'vitest';
import { NOTHING, isSelected, selectRange, selectedCount, toggleAll, toggleRow } from './selection.js';

describe('selection of result rows by id', () => {
  it('picks and unpicks rows', () => {
    const one = toggleRow(NOTHING, 7);
    expect(isSelected(one, 7)).toBe(true);
    expect(isSelected(one, 8)).toBe(false);
    expect(selectedCount(one, 1_000_000)).toBe(1);
    expect(selectedCount(toggleRow(one, 7), 1_000_000)).toBe(0);
  });

  it('Select all of a million rows holds no ids; unpicking keeps the rest selected', () => {
    const all = toggleAll(NOTHING, 1_000_000);
    expect(all.ids.size).toBe(0);
    expect(selectedCount(all, 1_000_000)).toBe(1_000_000);
    const but = toggleRow(all, 3);
    expect(isSelected(but, 3)).toBe(false);
    expect(isSelected(but, 4)).toBe(true);
    expect(selectedCount(but, 1_000_000)).toBe(999_999);
    // A range picked again puts unpicked rows back; toggling all of a full selection clears it.
    expect(selectedCount(selectRange(but, [2, 3, 4]), 1_000_000)).toBe(1_000_000);
    expect(toggleAll(all, 1_000_000)).toBe(NOTHING);
  });

  it('a range adds every id in it', () => {
    const range = selectRange(toggleRow(NOTHING, 1), [5, 6, 7]);
    expect([...range.ids].sort()).toEqual([1, 5, 6, 7]);
  });
});
