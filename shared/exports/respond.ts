import { attachment } from '../files/store.ts';
import type { HttpResult } from '../http/handler.ts';
import type { ExportLink } from './query.ts';
import type { ExportResult } from './produce.ts';

/**
 * 200 with the file itself (Content-Disposition names it) when it fits a Lambda response; 201
 * with `{download: {url, expiresAt}, …}` and the link in Location when it was stored. The
 * console fetches with its token and either saves the body or navigates to `download.url`,
 * which downloads without a token.
 */
export function exportResponse(result: ExportResult): HttpResult {
  if (result.kind === 'inline') {
    return { status: 200, body: result.body, headers: { 'content-type': result.contentType, 'content-disposition': attachment(result.filename) } };
  }
  const link: ExportLink = { download: result.download, filename: result.filename, contentType: result.contentType, size: result.size, rows: result.rows };
  return { status: 201, body: link, headers: { location: result.download.url } };
}
