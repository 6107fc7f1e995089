import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/**
 * The floor of section 8's list render: the same filters, request and 25 rows with no framework
 * and no style sheet (fetch, JSON, one innerHTML). It marks its rows the way the console's list
 * does (`[data-page="agreement-list"] [data-query][data-fresh]`) and puts the filters in the
 * address, so bench/console.ts measures it with the very same clock and click. What it takes
 * beyond its request is what any page takes on this machine at 4× throttling.
 *
 * Served from the bench's own build folder, under /assets/ (script-src 'self': the script is a
 * file of its own), never part of the console.
 */
export const LIST_FLOOR_PATH = '/assets/bench-list-floor.html';

const html = `<!doctype html>
<html lang="id">
<meta charset="utf-8">
<title>Floor: agreement list without a framework</title>
<main data-page="agreement-list">
  <label>Status <select id="status"><option value="">Semua</option><option value="ACTIVE">Berlaku</option><option value="EXPIRED">Berakhir</option><option value="PENDING">Belum berlaku</option></select></label>
  <label>Berakhir sampai <input id="endsTo" type="date"></label>
  <button type="button">Terapkan</button>
  <div id="rows"></div>
</main>
<script src="bench-list-floor.js"></script>
</html>
`;

const script = `const token = JSON.parse(sessionStorage.getItem('jalin.session')).token;
const dates = new Intl.DateTimeFormat('id-ID', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const escape = (text) => String(text).replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const row = (a) => '<tr><td><a href="/kerja-sama/' + escape(a.id) + '">' + escape(a.title) + '</a></td><td>' + escape(a.kind) + '</td><td>'
  + escape(a.partners.map((p) => p.name).join(', ')) + '</td><td>' + dates.format(new Date(a.endsOn + 'T00:00:00Z')) + '</td><td>' + escape(a.status) + '</td></tr>';
document.querySelector('button').addEventListener('click', async () => {
  const wanted = new URLSearchParams();
  const status = document.getElementById('status').value;
  if (status) wanted.set('status', status);
  wanted.set('endsTo', document.getElementById('endsTo').value);
  const search = wanted.toString();
  const response = await fetch('/api/agreements?' + search + '&limit=25', { headers: { authorization: 'Bearer ' + token } });
  const { items } = await response.json();
  document.getElementById('rows').innerHTML = '<div data-query="' + escape(search) + '" data-fresh="true"><table><thead><tr><th>Judul</th><th>Jenis</th><th>Mitra</th><th>Berakhir</th><th>Status</th></tr></thead><tbody>'
    + items.map(row).join('') + '</tbody></table></div>';
  history.replaceState(null, '', '?' + search);
});
`;

/** Writes the floor page into a built console's folder (the bench's temporary build). */
export async function writeListFloor(dist: string): Promise<void> {
  await mkdir(join(dist, 'assets'), { recursive: true });
  await writeFile(join(dist, LIST_FLOOR_PATH), html);
  await writeFile(join(dist, 'assets', 'bench-list-floor.js'), script);
}
