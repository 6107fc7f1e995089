import { routeTo } from '../../shared/http/router.ts';
import { handler as addDocument } from '../documents/add.ts';
import { handler as deleteDocument } from '../documents/delete.ts';
import { handler as getDocument } from '../documents/get.ts';

/** The `files` API function: the routes that act in the file store (shared/http/layout.ts). */
export const handler = routeTo([addDocument, getDocument, deleteDocument]);
