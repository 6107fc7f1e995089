import type { EmailMessage } from '../email/message.ts';

/**
 * An alert email as an official letter (surat dinas): salutation, body, an optional table, the
 * link to the console page where the reader acts, and "Hormat kami" signed by the unit that owns
 * the matter, with its contact. One letter gives both parts: a plain-text part that stands on its
 * own (column headers included) and a simple HTML page (`lang` set, one column, readable sizes).
 */
export type Language = 'id' | 'en';
export type Content = Omit<EmailMessage, 'to' | 'cc'>;
/** A table cell: text, or text that links to a console page (its URL follows it in the text part). */
export type Cell = string | { text: string; href: string };

/** The unit that signs and receives replies, and the console base URL the links start from. */
export interface Letterhead {
  unit: string;
  email: string;
  consoleUrl: string;
}

export interface Letter {
  language: Language;
  subject: string;
  salutation: string;
  paragraphs: string[];
  table?: { head: string[]; rows: Cell[][] };
  /** A console path (`/kerja-sama/…`) and what the reader does there. */
  action: { path: string; label: string };
  /** Below the signature: why the reader got this, how to report a mistake. */
  footnotes?: string[];
  /** Extra headers (List-Unsubscribe on personal reminders). */
  headers?: Record<string, string>;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

export function consoleLink(letterhead: Letterhead, path: string): string {
  return `${letterhead.consoleUrl.replace(/\/+$/, '')}${path}`;
}

/** Columns padded to their widest cell, so that the text part reads as a table in a fixed-width font. */
function textTable(head: string[], cells: Cell[][]): string[] {
  const rows = cells.map((row) => row.map((cell) => (typeof cell === 'string' ? cell : `${cell.text} <${cell.href}>`)));
  const widths = head.map((cell, column) => Math.max(cell.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: string[]) => cells.map((cell, column) => cell.padEnd(widths[column]!)).join(' | ').trimEnd();
  return [line(head), widths.map((width) => '-'.repeat(width)).join('-+-'), ...rows.map(line)];
}

function htmlCell(cell: Cell): string {
  return typeof cell === 'string' ? escapeHtml(cell) : `<a href="${escapeHtml(cell.href)}">${escapeHtml(cell.text)}</a>`;
}

export function renderLetter(letter: Letter, letterhead: Letterhead): Content {
  const url = consoleLink(letterhead, letter.action.path);
  const regards = letter.language === 'id' ? 'Hormat kami,' : 'Yours faithfully,';
  const contact = letter.language === 'id' ? `Kontak: ${letterhead.email}` : `Contact: ${letterhead.email}`;
  const text = [
    letter.salutation,
    '',
    ...letter.paragraphs.flatMap((paragraph) => [paragraph, '']),
    ...(letter.table ? [...textTable(letter.table.head, letter.table.rows), ''] : []),
    `${letter.action.label}: ${url}`,
    '',
    regards,
    letterhead.unit,
    contact,
    ...(letter.footnotes?.length ? ['', '--', ...letter.footnotes] : []),
  ].join('\n');

  const table = letter.table
    ? `<table border="1" cellpadding="6" cellspacing="0" style="border-collapse:collapse;border-color:#c8ccd2;width:100%;font-size:15px"><thead><tr>${letter.table.head
        .map((cell) => `<th scope="col" align="left" style="background:#eef1f5">${escapeHtml(cell)}</th>`)
        .join('')}</tr></thead><tbody>${letter.table.rows.map((row) => `<tr>${row.map((cell) => `<td>${htmlCell(cell)}</td>`).join('')}</tr>`).join('')}</tbody></table>`
    : '';
  const html = [
    `<!doctype html><html lang="${letter.language}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${escapeHtml(letter.subject)}</title></head>`,
    '<body style="margin:0;padding:16px;background:#f4f5f7">',
    '<div style="max-width:640px;margin:0 auto;padding:24px;background:#ffffff;font-family:Arial,Helvetica,sans-serif;font-size:16px;line-height:1.5;color:#1b1f24">',
    `<h2>${escapeHtml(letter.subject)}</h2>`,
    `<p>${escapeHtml(letter.salutation)}</p>`,
    ...letter.paragraphs.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`),
    table,
    `<p style="margin:24px 0"><a href="${escapeHtml(url)}" style="display:inline-block;padding:10px 18px;background:#0b57a4;color:#ffffff;text-decoration:none;border-radius:4px">${escapeHtml(letter.action.label)}</a></p>`,
    `<p>${escapeHtml(regards)}<br>${escapeHtml(letterhead.unit)}<br><a href="mailto:${escapeHtml(letterhead.email)}">${escapeHtml(letterhead.email)}</a></p>`,
    ...(letter.footnotes?.length ? [`<hr style="border:0;border-top:1px solid #d6d9de"><p style="font-size:13px;color:#555b63">${letter.footnotes.map(escapeHtml).join('<br>')}</p>`] : []),
    '</div></body></html>',
  ].join('');
  return { subject: letter.subject, text, html, replyTo: [letterhead.email], ...(letter.headers ? { headers: letter.headers } : {}) };
}
