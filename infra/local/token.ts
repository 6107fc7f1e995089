import { parseArgs } from 'node:util';
import { groups, type Group } from '../../shared/http/auth.ts';
import { mintToken } from './tokens.ts';

/** `npm run -s token -- <group> [--nip <NIP>] [--sub <name>]`: a bearer token for the local server. */
const { positionals, values } = parseArgs({
  allowPositionals: true,
  options: { nip: { type: 'string' }, sub: { type: 'string' } },
});

const requested = positionals as Group[];
const unknown = requested.filter((group) => !groups.includes(group));
if (requested.length === 0 || unknown.length) {
  console.error(`usage: npm run -s token -- <group>... [--nip <NIP>] [--sub <name>]\ngroups: ${groups.join(', ')}`);
  process.exit(2);
}
console.log(await mintToken({ groups: requested, ...(values.nip ? { nip: values.nip } : {}), ...(values.sub ? { subject: values.sub } : {}) }));
