import type { LinearProblem } from './linear-problem';
import { equationKey } from './linear-system';

const keysOf = new WeakMap<LinearProblem, string>();

function systemKey(problem: LinearProblem, rename?: ReadonlyMap<string, string>): string {
  if (!rename) {
    const cached = keysOf.get(problem);
    if (cached !== undefined) return cached;
  }
  const key = problem.equations
    .map((eq) => equationKey(eq, rename))
    .sort()
    .join(';');
  if (!rename) keysOf.set(problem, key);
  return key;
}

function permutations<T>(items: readonly T[]): T[][] {
  if (items.length <= 1) return [[...items]];
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  );
}

const memo = new WeakMap<LinearProblem, WeakMap<LinearProblem, ReadonlyMap<string, string>>>();

/**
 * How the cached problem's unknowns correspond to the new problem's, as a
 * map from cached name to new name (pairs that stay the same are left out,
 * so an empty map means "no renaming").
 *
 * When some renaming turns the cached system into exactly the new one (in
 * any equation order), that renaming is used — the identity first. When none
 * does and the names differ, unknowns are paired in order of first
 * appearance, which keeps the structure of the cached steps (the steps are
 * verified afterwards, so a poor pairing costs only a patch, never a wrong
 * answer). Memoised per pair of problems.
 */
export function variableMapping(cached: LinearProblem, next: LinearProblem): ReadonlyMap<string, string> {
  let inner = memo.get(cached);
  const hit = inner?.get(next);
  if (hit) return hit;
  const mapping = computeMapping(cached, next);
  if (!inner) {
    inner = new WeakMap();
    memo.set(cached, inner);
  }
  inner.set(next, mapping);
  return mapping;
}

function computeMapping(cached: LinearProblem, next: LinearProblem): ReadonlyMap<string, string> {
  const none = new Map<string, string>();
  if (cached.unknowns.length !== next.unknowns.length) return none;
  const sameNames = cached.unknowns.every((u) => next.unknowns.includes(u));
  const target = systemKey(next);
  if (sameNames && systemKey(cached) === target) return none;
  for (const order of permutations(next.unknowns)) {
    const rename = new Map(cached.unknowns.map((u, i) => [u, order[i] as string]));
    if (systemKey(cached, rename) === target) return withoutFixedPoints(rename);
  }
  if (sameNames) return none;
  return withoutFixedPoints(new Map(cached.unknowns.map((u, i) => [u, next.unknowns[i] as string])));
}

function withoutFixedPoints(rename: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  return new Map([...rename].filter(([from, to]) => from !== to));
}
