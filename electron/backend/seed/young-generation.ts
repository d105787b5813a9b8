import { setFlagsFromString } from 'node:v8';

/**
 * Seeding allocates many short-lived objects (Faker strings, items, SDK request bodies). V8's default young
 * generation is small for that, so scavenges run very often and promote in-flight items. A 32 MB semi-space
 * cut the seeder's client CPU from about 44 to 40 µs per item on the embedded engine (bench/seed-throughput.mjs).
 * Process-wide: call it only in a process that exists to seed (the CLI verb, the benchmark).
 */
export function useLargerYoungGeneration(): void {
  setFlagsFromString('--max-semi-space-size=32');
}
