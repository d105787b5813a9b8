import type { AttributeValue } from '../model/attribute-value.js';

/** The text of a key value (S, N or B as base64): within one table a key attribute always has one type. */
function keyText(value: AttributeValue | undefined): string {
  if (value === undefined) return '';
  if ('S' in value) return value.S;
  if ('N' in value) return value.N;
  if ('B' in value) return value.B;
  return JSON.stringify(value);
}

const INITIAL_CAPACITY = 1 << 12;

/**
 * The primary keys a plan has produced so far, to find duplicates: an open-addressing table of 64-bit fingerprints
 * of (partition key, sort key) → ordinal of the first item, 12 bytes a slot, so a million-item plan holds ~24 MB
 * here instead of every key's text (~110 MB). Two different keys share a fingerprint with a chance below 10^-7 in
 * a plan of a million items; the partition key's length is hashed in, so `a`+`bc` and `ab`+`c` differ.
 */
export class SeenKeys {
  private high = new Uint32Array(INITIAL_CAPACITY);
  private low = new Uint32Array(INITIAL_CAPACITY);
  /** Ordinal + 1 of the first item with the key; 0 marks an empty slot. */
  private first = new Uint32Array(INITIAL_CAPACITY);
  private size = 0;

  constructor(private readonly hasSortKey: boolean) {}

  /** The ordinal of an earlier item with the same key, or undefined (and the key is recorded under `ordinal`). */
  firstOrdinal(
    partition: AttributeValue | undefined,
    sort: AttributeValue | undefined,
    ordinal: number,
  ): number | undefined {
    const pk = keyText(partition);
    const sk = this.hasSortKey ? keyText(sort) : '';
    // FNV-1a and a multiply-xorshift hash over the same units, with the partition key's length between the parts.
    let h1 = 0x811c9dc5;
    let h2 = 0x9747b28c;
    const mix = (c: number): void => {
      h1 = Math.imul(h1 ^ c, 0x01000193);
      h2 = Math.imul(h2 ^ c, 0x5bd1e995);
      h2 ^= h2 >>> 15;
    };
    for (let i = 0; i < pk.length; i++) mix(pk.charCodeAt(i));
    mix(0x10000 + (pk.length & 0xffff));
    mix(0x20000 + (pk.length >>> 16));
    for (let i = 0; i < sk.length; i++) mix(sk.charCodeAt(i));
    h1 >>>= 0;
    h2 >>>= 0;
    const mask = this.first.length - 1;
    let slot = h1 & mask;
    for (;;) {
      const stored = this.first[slot]!;
      if (stored === 0) break;
      if (this.high[slot] === h1 && this.low[slot] === h2) return stored - 1;
      slot = (slot + 1) & mask;
    }
    this.high[slot] = h1;
    this.low[slot] = h2;
    this.first[slot] = ordinal + 1;
    if (++this.size * 2 > this.first.length) this.grow();
    return undefined;
  }

  private grow(): void {
    const { high, low, first } = this;
    const capacity = first.length * 2;
    this.high = new Uint32Array(capacity);
    this.low = new Uint32Array(capacity);
    this.first = new Uint32Array(capacity);
    const mask = capacity - 1;
    for (let i = 0; i < first.length; i++) {
      if (first[i] === 0) continue;
      let slot = high[i]! & mask;
      while (this.first[slot] !== 0) slot = (slot + 1) & mask;
      this.high[slot] = high[i]!;
      this.low[slot] = low[i]!;
      this.first[slot] = first[i]!;
    }
  }
}
