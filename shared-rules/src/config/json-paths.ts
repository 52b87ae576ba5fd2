// Where a value sits in the config file: JSON paths and pointers, and their offsets in the text (jsonc-parser).
import { findNodeAtLocation, type JSONPath, type Node, type ParseError, parseTree } from 'jsonc-parser/lib/esm/main.js';
import type { SchemaError } from '../../generated/validate-config';

/** JSON with comments and trailing commas; a leading byte-order mark counts as a space (offsets unchanged). */
export function tree(text: string, errors: ParseError[]): Node | undefined {
  const source = text.charCodeAt(0) === 0xfeff ? ' ' + text.slice(1) : text;
  return parseTree(source, errors, { allowTrailingComma: true, disallowComments: false, allowEmptyContent: true });
}

/** The JSON pointer an error makes invalid: an unknown key's own path, else the instance path. */
export function effectivePath(e: SchemaError): string {
  return e.keyword === 'additionalProperties'
    ? `${e.instancePath}/${pointer(e.params.additionalProperty)}`
    : e.instancePath;
}

export function pointer(key: string): string {
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** JSON pointer → path, with array indexes as numbers. */
export function toPath(instancePath: string, value: unknown): JSONPath {
  if (!instancePath) return [];
  const path: JSONPath = [];
  let cursor: unknown = value;
  for (const raw of instancePath.slice(1).split('/')) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    const segment = Array.isArray(cursor) ? Number(key) : key;
    path.push(segment);
    cursor = cursor && typeof cursor === 'object' ? (cursor as Record<string | number, unknown>)[segment] : undefined;
  }
  return path;
}

export function getAt(value: unknown, path: JSONPath): unknown {
  return path.reduce<unknown>(
    (v, k) => (v && typeof v === 'object' ? (v as Record<string | number, unknown>)[k] : undefined),
    value,
  );
}

/** customRules[0].examples.match[1] */
export function readablePath(path: JSONPath): string {
  return path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
}

/** Offset of the node at `path` (its property name when atKey), or of its deepest existing ancestor. */
export function locate(root: Node | undefined, path: JSONPath, atKey = false): number {
  if (!root) return 0;
  for (let n = path.length; n >= 0; n--) {
    const node = findNodeAtLocation(root, path.slice(0, n));
    if (!node) continue;
    if (atKey && n === path.length && node.parent?.type === 'property') return node.parent.children![0].offset;
    return node.offset;
  }
  return root.offset;
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
