/**
 * 32-bit string hash (cyrb53 folded to 32 bits). Stable across runs and
 * platforms, so a prompt always maps to the same simulated behaviour.
 */
export function hashString(text: string, seed = 0): number {
  let h1 = 0xdeadbeef ^ seed;
  let h2 = 0x41c6ce57 ^ seed;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ ch, 2654435761);
    h2 = Math.imul(h2 ^ ch, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h1 ^ h2) >>> 0;
}

/** Mixes integers (seeds, hashes) into one 32-bit seed. */
export function mixSeeds(...parts: number[]): number {
  return hashString(parts.map((part) => String(Math.trunc(part) >>> 0)).join(':'), 0x9e3779b9);
}
