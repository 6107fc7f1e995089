import { actorOf, httpHandler } from '../../shared/http/handler.ts';
import { importRoutes } from '../../shared/training/imports/routes.ts';
import { importByUpload, importInline } from '../../shared/training/imports/service.ts';

export const handler = httpHandler(importRoutes.createImport, async (request) => {
  const actor = actorOf(request, 'createImport');
  const { body } = request;
  const created = typeof body === 'string' ? await importInline(body, request.query.kind, actor) : await importByUpload({ ...body, kind: body.kind ?? request.query.kind }, actor);
  return { status: 'upload' in created ? 201 : 202, body: created, headers: { location: `/training-imports/${created.id}` } };
});
