import request from 'supertest';
import { createTestApp, TestApp } from './support/test-app';

interface SchemaObject {
  $ref?: string;
  type?: string;
  properties?: Record<string, SchemaObject>;
  items?: SchemaObject;
  allOf?: SchemaObject[];
  oneOf?: SchemaObject[];
  anyOf?: SchemaObject[];
  additionalProperties?: SchemaObject | boolean;
  enum?: unknown[];
  format?: string;
}
interface ResponseObject {
  description?: string;
  content?: Record<string, { schema?: SchemaObject }>;
}
interface Operation {
  parameters?: unknown[];
  requestBody?: unknown;
  security?: unknown[];
  responses: Record<string, ResponseObject>;
}
interface OpenApiDocument {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas?: Record<string, SchemaObject> };
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'];
/** What a download route answers with: the bytes, not JSON. */
const FILE_TYPES = [
  'application/pdf',
  'text/csv',
  'text/html',
  'application/octet-stream',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
];

/** Every `$ref` anywhere in a value, with where it was found. */
function refsIn(value: unknown, at: string, found: Array<{ ref: string; at: string }> = []) {
  if (Array.isArray(value)) value.forEach((v, i) => refsIn(v, `${at}[${i}]`, found));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') found.push({ ref: v, at });
      else refsIn(v, `${at}.${k}`, found);
    }
  }
  return found;
}

/** A schema that says something: a named object with properties, an array of such, or a typed value. */
function describes(schema: SchemaObject | undefined, doc: OpenApiDocument): boolean {
  if (!schema) return false;
  if (schema.$ref) {
    const target = doc.components.schemas?.[schema.$ref.replace('#/components/schemas/', '')];
    return !!target && describes(target, doc);
  }
  if (schema.allOf || schema.oneOf || schema.anyOf)
    return [...(schema.allOf ?? []), ...(schema.oneOf ?? []), ...(schema.anyOf ?? [])].every((s) =>
      describes(s, doc),
    );
  if (schema.type === 'array') return describes(schema.items, doc);
  if (schema.type === 'object' || schema.properties)
    return Object.keys(schema.properties ?? {}).length > 0 || typeof schema.additionalProperties === 'object';
  return !!schema.type;
}

describe('OpenAPI document (e2e)', () => {
  let t: TestApp;
  let doc: OpenApiDocument;
  const operations: Array<Operation & { id: string }> = [];

  beforeAll(async () => {
    t = await createTestApp();
    doc = (await request(t.http).get('/api/docs-json').expect(200)).body as OpenApiDocument;
    for (const [path, item] of Object.entries(doc.paths))
      for (const method of METHODS)
        if (item[method]) operations.push({ id: `${method.toUpperCase()} ${path}`, ...item[method] });
  });
  afterAll(() => t.close());

  it('describes the whole API', () => {
    expect(operations.length).toBeGreaterThanOrEqual(38);
  });

  it('gives every operation a success response with a schema, a 204, or a file type', () => {
    const described = ([status, response]: [string, ResponseObject]) => {
      if (status === '204') return !response.content;
      const content = response.content ?? {};
      if (Object.keys(content).some((type) => FILE_TYPES.includes(type))) return true;
      return describes(content['application/json']?.schema, doc);
    };
    const problems = operations.flatMap(({ id, responses }) => {
      const successes = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
      if (successes.length === 0) return [`${id}: no 2xx response`];
      return successes.filter((s) => !described(s)).map(([status]) => `${id} ${status}: no schema`);
    });
    expect(problems).toEqual([]);
  });

  it('documents the client errors with the common error body', () => {
    const errorBody = doc.components.schemas?.ErrorBodyDto;
    expect(Object.keys(errorBody?.properties ?? {})).toEqual(
      expect.arrayContaining(['statusCode', 'error', 'message', 'details', 'code']),
    );
    const problems = operations.flatMap((operation) => {
      const expected = [
        ...((operation.parameters?.length ?? 0) > 0 || operation.requestBody ? ['400'] : []),
        ...((operation.security?.length ?? 0) > 0 ? ['401', '403'] : []),
      ];
      const missing = expected.filter((status) => !operation.responses[status]);
      const bare = Object.entries(operation.responses)
        .filter(([status]) => /^4\d\d$/.test(status))
        .filter(
          ([, r]) => r.content?.['application/json']?.schema?.$ref !== '#/components/schemas/ErrorBodyDto',
        )
        .map(([status]) => status);
      return [
        ...missing.map((status) => `${operation.id}: no ${status}`),
        ...bare.map((status) => `${operation.id} ${status}: not the error body`),
      ];
    });
    expect(problems).toEqual([]);
  });

  it('resolves every $ref', () => {
    const dangling = refsIn(doc, '#').filter(
      ({ ref }) => !doc.components.schemas?.[ref.replace('#/components/schemas/', '')],
    );
    expect(dangling).toEqual([]);
  });
});
