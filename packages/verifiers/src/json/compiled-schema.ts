import type { ValidateFunction } from 'ajv';
import Ajv from 'ajv';
import Ajv2019 from 'ajv/dist/2019.js';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import type { JSONSchema7, JSONSchema7Definition } from 'json-schema';
import type { RootShape } from './segment-json';
import { isLosslessCoercion } from './lossless-coercion';
import type { SchemaIssue } from './schema-issues';
import { childPath, schemaIssues } from './schema-issues';

/** A response schema compiled once, with what the verifier needs to know about its keys. */
export interface CompiledSchema {
  /** The schema as the request sent it. */
  readonly schema: JSONSchema7;
  /** What the root value is: an object, something else, or not said. */
  readonly root: RootShape;
  /** The keys the schema declares, in its order. */
  readonly properties: readonly string[];
  /** The keys the schema requires. */
  readonly required: ReadonlySet<string>;
  /** True when keys the schema does not declare are not allowed (`additionalProperties: false`). */
  readonly closed: boolean;
  /** The root's `title` and `description`: part of what the request asks for. */
  readonly annotation: string;
  /** The declared sub-schema of a key (one local `$ref` resolved), or `undefined`. */
  propertySchema(key: string): JSONSchema7 | undefined;
  /** What a key means beyond its name: its `title` and `description`, as one string. */
  meaning(key: string): string;
  /** True when a key's value comes from a fixed set (`enum` or `const`): a classification. */
  fixedSet(key: string): boolean;
  /** Every way `value` fails the whole schema; empty when it validates. */
  validate(value: unknown): SchemaIssue[];
  /** Every way `value` fails as the value of top-level `key`; paths start with `/key`. */
  validateKey(key: string, value: unknown): SchemaIssue[];
  /**
   * The value of declared top-level `key` made valid by lossless type
   * coercion (see `lossless-coercion.ts`; also `"yes"`/`"no"` for a
   * boolean), or `undefined` when it is already valid, not declared, or no
   * such coercion makes it valid.
   */
  coerceKey(key: string, value: unknown): unknown;
}

const ROOT_ID = 'stepcache:response-schema';

function isSchema(value: JSONSchema7Definition | undefined): value is JSONSchema7 {
  return typeof value === 'object' && value !== null;
}

/** Resolves a local `#/definitions/…` or `#/$defs/…` reference of `root`, one level. */
function resolveLocal(root: JSONSchema7, schema: JSONSchema7): { schema: JSONSchema7; pointer?: string } {
  const ref = schema.$ref;
  const match = ref === undefined ? null : /^#\/(definitions|\$defs)\/([^/]+)$/.exec(ref);
  if (!match) return { schema };
  const table = (root as Record<string, unknown>)[match[1] as string] as Record<string, JSONSchema7Definition> | undefined;
  const name = decodeURIComponent(match[2] as string).replace(/~1/g, '/').replace(/~0/g, '~');
  const target = table?.[name];
  return isSchema(target) ? { schema: target, pointer: `/${match[1]}/${match[2]}` } : { schema };
}

function rootShape(schema: JSONSchema7): RootShape {
  const type = schema.type;
  if (type === 'object' || (type === undefined && schema.properties !== undefined)) return 'object';
  if (typeof type === 'string') return 'other';
  return 'any';
}

function ajvFor(schema: JSONSchema7, validateFormats: boolean, coerce = false): Ajv {
  const options = {
    allErrors: true,
    strict: false,
    logger: false as const,
    verbose: true,
    validateFormats,
    // Checking each response schema against the JSON Schema meta-schema compiles that meta-schema in
    // every instance (most of a new schema's cost); a schema ajv cannot compile still fails below.
    validateSchema: false,
    ...(coerce ? { coerceTypes: 'array' as const } : {}),
  };
  const draft = typeof schema.$schema === 'string' ? schema.$schema : '';
  const ajv = draft.includes('2020-12') ? new Ajv2020(options) : draft.includes('2019-09') ? new Ajv2019(options) : new Ajv(options);
  if (validateFormats) addFormats(ajv);
  return ajv;
}

function pointerSegment(key: string): string {
  return encodeURIComponent(key.replace(/~/g, '~0').replace(/\//g, '~1'));
}

function hasFixedSet(schema: JSONSchema7 | undefined): boolean {
  if (schema === undefined) return false;
  if (schema.enum !== undefined || schema.const !== undefined) return true;
  return [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].some((s) => isSchema(s) && (s.enum !== undefined || s.const !== undefined));
}

/**
 * Compiles a response schema with ajv (draft-07 by default; 2019-09 and
 * 2020-12 when `$schema` says so), in an ajv instance of its own so that
 * evicting it from a memo frees it. Per-key validators are compiled on first
 * use, in the context of the whole schema (so `$ref`s resolve). Returns
 * `undefined` when ajv cannot compile the schema.
 *
 * @param validateFormats - check `format` (date, email, uri, ...) with ajv-formats.
 */
export function compileSchema(schema: JSONSchema7, validateFormats: boolean): CompiledSchema | undefined {
  const ajv = ajvFor(schema, validateFormats);
  const draft = typeof schema.$schema === 'string' && /20(19|20)-/.test(schema.$schema);
  // Older drafts are read as draft-07, which ajv understands without their meta-schemas.
  const { $schema: _unused, ...rest } = schema;
  const copy: JSONSchema7 = { ...(draft ? schema : rest), $id: ROOT_ID };
  let validateRoot: ValidateFunction;
  try {
    ajv.addSchema(copy);
    const compiled = ajv.getSchema(ROOT_ID);
    if (compiled === undefined) return undefined;
    validateRoot = compiled;
  } catch {
    return undefined;
  }

  const object = resolveLocal(schema, schema);
  const objectPointer = object.pointer ?? '';
  const properties = isSchema(object.schema) ? (object.schema.properties ?? {}) : {};
  const required = new Set(object.schema.required ?? []);
  const additional = object.schema.additionalProperties;
  const patterns = Object.keys(object.schema.patternProperties ?? {});
  const keyValidators = new Map<string, ValidateFunction | null>();

  const fragment = (pointer: string): ValidateFunction | null => {
    try {
      return ajv.getSchema(`${ROOT_ID}#${objectPointer}${pointer}`) ?? null;
    } catch {
      return null;
    }
  };
  const run = (validator: ValidateFunction | null, value: unknown, prefix: string): SchemaIssue[] =>
    validator === null || validator(value) ? [] : schemaIssues(validator.errors, prefix);

  // A second ajv with `coerceTypes`, built on first use: most answers never need it.
  let coercer: ValidateFunction | null | undefined;
  const coercing = (): ValidateFunction | null => {
    if (coercer !== undefined) return coercer;
    try {
      const other = ajvFor(schema, validateFormats, true);
      other.addSchema(copy);
      coercer = other.getSchema(`${ROOT_ID}#${objectPointer}`) ?? null;
    } catch {
      coercer = null;
    }
    return coercer;
  };

  const propertySchema = (key: string): JSONSchema7 | undefined => {
    if (!Object.hasOwn(properties, key)) return undefined;
    const declared = properties[key];
    return isSchema(declared) ? resolveLocal(schema, declared).schema : declared === false ? { not: {} } : {};
  };

  const compiled: CompiledSchema = {
    schema,
    root: rootShape(object.schema),
    properties: Object.keys(properties),
    required,
    closed: additional === false && patterns.length === 0,
    annotation: JSON.stringify([schema.title ?? null, schema.description ?? null]),
    propertySchema,
    meaning(key) {
      const declared = properties[key];
      return isSchema(declared) ? JSON.stringify([declared.title ?? null, declared.description ?? null]) : '[null,null]';
    },
    fixedSet: (key) => hasFixedSet(propertySchema(key)),
    validate: (value) => (validateRoot(value) ? [] : schemaIssues(validateRoot.errors)),
    validateKey(key, value) {
      const prefix = childPath('', key);
      if (Object.hasOwn(properties, key)) {
        let validator = keyValidators.get(key);
        if (validator === undefined) {
          validator = fragment(`/properties/${pointerSegment(key)}`);
          keyValidators.set(key, validator);
        }
        return run(validator, value, prefix);
      }
      const matching = patterns.filter((pattern) => {
        try {
          return new RegExp(pattern, 'u').test(key);
        } catch {
          return false;
        }
      });
      if (matching.length > 0) return matching.flatMap((p) => run(fragment(`/patternProperties/${pointerSegment(p)}`), value, prefix));
      if (additional === false) return [{ path: prefix, message: 'is not allowed (the schema has no such key)' }];
      if (isSchema(additional)) return run(fragment('/additionalProperties'), value, prefix);
      return [];
    },
    coerceKey(key, value) {
      if (!Object.hasOwn(properties, key) || compiled.validateKey(key, value).length === 0) return undefined;
      // "yes"/"no" for a boolean: plain English a model writes for one, which ajv does not read.
      const answer = typeof value === 'string' ? /^\s*(yes|no)\s*$/i.exec(value)?.[1]?.toLowerCase() : undefined;
      if (answer !== undefined) {
        const flag = answer === 'yes';
        return compiled.validateKey(key, flag).length === 0 ? flag : undefined;
      }
      const validator = coercing();
      if (validator === null) return undefined;
      // ajv coerces in place and only below a parent, so the value goes in a copy of its own.
      const holder: Record<string, unknown> = { [key]: structuredClone(value) };
      validator(holder);
      const coerced = holder[key];
      return isLosslessCoercion(value, coerced) && compiled.validateKey(key, coerced).length === 0 ? coerced : undefined;
    },
  };
  return compiled;
}
