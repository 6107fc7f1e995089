import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface ParsedEml {
  file: string;
  headers: Record<string, string>;
  text: string;
  html: string;
}

function decodeQuotedPrintable(body: string): string {
  const bytes = body.replace(/=\r?\n/g, '').replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

function decodeHeader(value: string): string {
  return value.replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, encoding: string, text: string) =>
    encoding.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : decodeQuotedPrintable(text.replace(/_/g, ' ')),
  ).replace(/\?=\s+=\?/g, '');
}

/** Reads an .eml of the outbox: unfolded, decoded headers and the decoded text and HTML parts. */
export function readEml(file: string): ParsedEml {
  const raw = readFileSync(file, 'utf8');
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const index = line.indexOf(':');
    if (index > 0) headers[line.slice(0, index).toLowerCase()] = decodeHeader(line.slice(index + 1).trim());
  }
  const body = rest.join('\n\n');
  // Parts end at the boundary itself: a body line may well start with "--" (a signature, a table rule).
  const boundary = /boundary="?([^";]+)"?/i.exec(headers['content-type'] ?? '')?.[1] ?? '';
  const parts = boundary ? body.split(`--${boundary}`) : [body];
  const part = (type: string) => {
    const found = parts.find((candidate) => new RegExp(`^\\s*Content-Type: ${type}`, 'i').test(candidate));
    const match = found && /\r?\n\r?\n([^]*?)\r?\n?$/.exec(found);
    return match ? decodeQuotedPrintable(match[1]!) : '';
  };
  return { file, headers, text: part('text/plain'), html: part('text/html') };
}

export function readOutbox(directory: string): ParsedEml[] {
  let files: string[] = [];
  try {
    files = readdirSync(directory).filter((name) => name.endsWith('.eml'));
  } catch {
    return [];
  }
  return files.sort().map((name) => readEml(join(directory, name)));
}
