import 'aws-sdk-client-mock-vitest/extend';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Each test file keeps its uploads and exports in a folder of its own, never in the repo's .jalin.
process.env.FILES_DIR = mkdtempSync(join(tmpdir(), 'jalin-files-'));
