/** Greatest common divisor of two integers (non-negative; `gcd(0, 0)` is 0). */
export function gcd(a: bigint, b: bigint): bigint {
  let x = a < 0n ? -a : a;
  let y = b < 0n ? -b : b;
  while (y !== 0n) [x, y] = [y, x % y];
  return x;
}

/** Least common multiple of the non-zero values (1 when there are none). */
export function lcm(values: readonly bigint[]): bigint {
  return values.reduce((acc, v) => (v === 0n ? acc : (acc * (v < 0n ? -v : v)) / gcd(acc, v)), 1n);
}
