import type { KeySpec } from './key-names';

const KEY = /\s*(?:"([^"\n]{1,64})"|'([^'\n]{1,64})'|([A-Za-z_][A-Za-z0-9_]*))\s*:\s*/y;
/**
 * A value that stands for "something goes here": `...`, `…`, `"..."`, `""`,
 * `"<full name>"`, `<full name>`, `?`, a type name (`string`, `"number"`,
 * `null`, …) bare or quoted, or an empty / elided array (`[]`, `[...]`).
 * Concrete values (`"Ann"`, `34`, `true`) are not placeholders: an object of
 * them is an example, and examples are not read.
 */
const PLACEHOLDER = new RegExp(
  [
    String.raw`\.\.\.|\u2026|\?`,
    String.raw`<[^<>\n]{1,40}>`,
    String.raw`(["'])(?:|\.\.\.|\u2026|\?|<[^<>\n]{1,40}>|string|str|text|number|integer|int|float|boolean|bool|date|null|value)\1`,
    String.raw`(?:string|str|text|number|integer|int|float|boolean|bool|null)(?![\w])`,
    String.raw`\[\s*(?:\.\.\.|\u2026)?\s*\]`,
  ].join('|'),
  'iy',
);

function readSkeleton(text: string, open: number): { keys: string[]; end: number } | undefined {
  const keys: string[] = [];
  let position = open + 1;
  for (;;) {
    KEY.lastIndex = position;
    const key = KEY.exec(text);
    if (!key) break;
    const name = (key[1] ?? key[2] ?? key[3]) as string;
    PLACEHOLDER.lastIndex = KEY.lastIndex;
    if (!PLACEHOLDER.exec(text) || keys.includes(name) || name.trim() !== name) return undefined;
    keys.push(name);
    const comma = /\s*,/y;
    comma.lastIndex = PLACEHOLDER.lastIndex;
    if (!comma.exec(text)) {
      position = PLACEHOLDER.lastIndex;
      break;
    }
    position = comma.lastIndex;
  }
  const close = /\s*\}/y;
  close.lastIndex = position;
  if (keys.length === 0 || !close.exec(text)) return undefined;
  return { keys, end: close.lastIndex };
}

/**
 * JSON skeletons in `text`: flat objects whose every value is a placeholder,
 * such as `{"name": "...", "age": ...}` or `{ name: <string>, email: "" }`
 * (keys quoted or bare, a trailing comma allowed). The keys are what the
 * prompt asks for. Nested objects, concrete values and JSON Schemas are not
 * skeletons. The span covers the braces.
 */
export function jsonSkeletons(text: string): KeySpec[] {
  const found: KeySpec[] = [];
  let depth = 0;
  let counted = 0;
  for (let open = text.indexOf('{'); open !== -1; open = text.indexOf('{', open + 1)) {
    for (; counted < open; counted++) depth += text[counted] === '{' ? 1 : text[counted] === '}' ? -1 : 0;
    // Inside another object (a JSON Schema's `{"type": "string"}`), it is not a skeleton of its own.
    if (depth > 0) continue;
    const skeleton = readSkeleton(text, open);
    if (skeleton === undefined) continue;
    found.push({ keys: skeleton.keys, start: open, end: skeleton.end, quoted: true, intro: open });
    counted = skeleton.end;
    open = skeleton.end - 1;
  }
  return found;
}

/** True when `text`, apart from a code fence around it and spacing, is one JSON skeleton. */
export function isJsonSkeleton(text: string): boolean {
  const inner = text.trim().replace(/^```[^\n]*\n([\s\S]*?)\n?```$/, '$1').trim();
  const [skeleton] = jsonSkeletons(inner);
  return skeleton !== undefined && skeleton.start === 0 && skeleton.end === inner.length;
}
