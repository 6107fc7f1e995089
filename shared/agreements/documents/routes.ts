import { defineRoutes } from '../../http/route.ts';
import { agreementIdParams } from '../schemas.ts';
import { DOCUMENTS_PREFIX } from './file-keys.ts';
import { createDocumentSchema, documentPage, documentParams, documentsQuery, documentWithLinkSchema, newDocumentSchema } from './schemas.ts';

/** Agreement readers may list and download documents; employees see none. */
export const agreementReaders = ['agreements-admin', 'training-admin', 'auditor'] as const;

/** The documents of an agreement: rows of the route table (shared/http/routes.ts). */
export const documentRoutes = defineRoutes({
  addDocument: {
    method: 'POST',
    path: '/agreements/{id}/documents',
    handler: 'documents/add',
    access: ['agreements-admin'],
    actions: ['GetItem', 'PutItem', 'UpdateItem'],
    objects: [{ action: 'PutObject', prefix: DOCUMENTS_PREFIX }],
    summary: 'Announce a document (signed agreement, translation, report; PDF, JPEG or PNG up to 20 MB) and get where to upload it',
    tag: 'Documents',
    params: agreementIdParams,
    body: createDocumentSchema,
    idempotent: true,
    success: {
      status: 201,
      schema: newDocumentSchema,
      description: 'The document, PENDING until its upload is checked, with `upload`: PUT the bytes there with exactly the headers given.',
    },
    errors: [404, 413, 415, 422],
  },
  listDocuments: {
    method: 'GET',
    path: '/agreements/{id}/documents',
    handler: 'documents/list',
    access: agreementReaders,
    actions: ['GetItem', 'Query'],
    summary: "An agreement's documents, in upload order",
    tag: 'Documents',
    params: agreementIdParams,
    query: documentsQuery,
    success: { status: 200, schema: documentPage, description: 'A page of documents.' },
    errors: [404],
  },
  getDocument: {
    method: 'GET',
    path: '/agreements/{id}/documents/{documentId}',
    handler: 'documents/get',
    access: agreementReaders,
    actions: ['GetItem'],
    objects: [{ action: 'GetObject', prefix: DOCUMENTS_PREFIX }],
    summary: 'A document, with a short-lived download link once it is AVAILABLE',
    tag: 'Documents',
    params: documentParams,
    success: { status: 200, schema: documentWithLinkSchema, description: 'The document.' },
    errors: [404],
  },
  deleteDocument: {
    method: 'DELETE',
    path: '/agreements/{id}/documents/{documentId}',
    handler: 'documents/delete',
    access: ['agreements-admin'],
    actions: ['GetItem', 'PutItem', 'UpdateItem', 'DeleteItem'],
    objects: [{ action: 'DeleteObject', prefix: DOCUMENTS_PREFIX }],
    summary: 'Delete a document (recorded in the agreement history)',
    tag: 'Documents',
    params: documentParams,
    success: { status: 204, schema: null, description: 'Deleted.' },
    errors: [404],
  },
});
