import * as z from 'zod/mini';
import { defineRoutes } from '../../http/route.ts';
import { trainingReaders } from '../routes.ts';
import { createdImport, createImportBody, createImportQuery, importPage, importParams, importSchema, importsQuery, INLINE_MAX_BYTES } from './schemas.ts';

/** Background roster imports (trainings and employees): rows of the route table. */
export const importRoutes = defineRoutes({
  createImport: {
    method: 'POST',
    path: '/training-imports',
    handler: 'imports/create',
    access: ['training-admin'],
    actions: ['PutItem'],
    objects: [{ action: 'PutObject', prefix: 'imports/' }],
    summary: 'Import a roster in the background: the CSV in the body (202), or {filename, size} for an upload URL (201)',
    tag: 'Training imports',
    query: createImportQuery,
    body: createImportBody,
    bodyTypes: ['text/csv', 'application/json'],
    maxBodyBytes: INLINE_MAX_BYTES,
    success: {
      status: 202,
      alsoStatus: 201,
      schema: createdImport,
      description: '202: the import, QUEUED, its file stored (Location: /training-imports/{id}). 201: the import and `upload`, where to PUT the file.',
    },
    errors: [413, 415],
  },
  listImports: {
    method: 'GET',
    path: '/training-imports',
    handler: 'imports/list',
    access: trainingReaders,
    actions: ['Query'],
    summary: 'Recent imports, newest first',
    tag: 'Training imports',
    query: importsQuery,
    success: { status: 200, schema: importPage, description: 'A page of imports.' },
  },
  getImport: {
    method: 'GET',
    path: '/training-imports/{id}',
    handler: 'imports/get',
    access: trainingReaders,
    actions: ['GetItem'],
    summary: "An import's status and row counts, updated while it runs",
    tag: 'Training imports',
    params: importParams,
    success: { status: 200, schema: importSchema, description: 'The import.' },
    errors: [404],
  },
  importRejected: {
    method: 'GET',
    path: '/training-imports/{id}/rejected',
    handler: 'imports/rejected',
    access: trainingReaders,
    actions: ['GetItem', 'Query'],
    summary: 'The rejected rows as uploaded, with `line` and `errors` columns (CSV)',
    tag: 'Training imports',
    params: importParams,
    success: { status: 200, schema: z.string(), contentType: 'text/csv', description: 'The rejected rows in the roster\'s own delimiter, UTF-8 with a BOM.' },
    errors: [404],
  },
});
