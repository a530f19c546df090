import { ApiProperty, ApiPropertyOptional, getSchemaPath } from '@nestjs/swagger';
import type { OpenAPIObject } from '@nestjs/swagger';

/** The error body of every API route (ErrorBody, written by AllExceptionsFilter), as OpenAPI shows it. */
export class ErrorBodyDto {
  @ApiProperty({ example: 404 })
  statusCode!: number;

  @ApiProperty({ example: 'Not Found', description: 'The HTTP reason phrase' })
  error!: string;

  @ApiProperty({ example: 'Edition 3f0c… not found' })
  message!: string;

  @ApiPropertyOptional({
    description: 'What the client can act on: the fields or answers at fault, the missing questions',
    type: 'object',
    additionalProperties: true,
  })
  details?: unknown;

  @ApiPropertyOptional({ description: 'Stable code of a domain error, for clients to branch on' })
  code?: string;

  @ApiPropertyOptional({ description: 'The X-Request-Id of the request, for support' })
  requestId?: string;
}

const METHODS = ['get', 'put', 'post', 'delete', 'patch'] as const;

/**
 * Every error the API answers carries ErrorBodyDto (one filter writes them all), so the document
 * says so once here instead of on each decorator: each 4xx/5xx response gets the schema, every
 * route that reads parameters or a body gets its 400, and every signed-in route its 401 and 403.
 * The document must be created with `extraModels: [ErrorBodyDto]`.
 */
export function withErrorBodies(document: OpenAPIObject): OpenAPIObject {
  const content = { 'application/json': { schema: { $ref: getSchemaPath(ErrorBodyDto) } } };
  const fallback: Record<string, string> = {
    '400': 'Invalid parameters or body; details name the fields',
    '401': 'Not signed in',
    '403': 'Signed in, but not allowed',
  };
  for (const item of Object.values(document.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const responses = operation.responses as Record<string, { description: string; content?: unknown }>;
      const required = [
        ...((operation.parameters?.length ?? 0) > 0 || operation.requestBody ? ['400'] : []),
        ...((operation.security?.length ?? 0) > 0 ? ['401', '403'] : []),
      ];
      for (const status of required) responses[status] ??= { description: fallback[status] };
      for (const [status, response] of Object.entries(responses)) {
        if (Number(status) >= 400 && !response.content) response.content = content;
      }
    }
  }
  return document;
}
