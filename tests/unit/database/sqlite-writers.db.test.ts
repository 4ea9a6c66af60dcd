// Several processes writing one SQLite file (server.ts's cluster workers, `npm run mailer`): every transaction
// that reads then writes must wait its turn and commit, none fail with SQLITE_BUSY (lib/database/sqlite-immediate.ts;
// WAL and busy_timeout alone let about 40% of them fail).
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { expect, test } from 'vitest';
import { resetDatabase } from '../../support/reset-db';

const run = promisify(execFile);
const perProcess = 60;

test('two processes running read-then-write transactions at once: every one commits', async () => {
  const url = `file:${path.join(mkdtempSync(path.join(tmpdir(), 'ledger-writers-')), 'test.db')}`;
  await resetDatabase(url);
  const writer = () =>
    run(process.execPath, ['--import', 'tsx', 'tests/support/sqlite-writer.ts', url, String(perProcess)], {
      timeout: 120_000,
    }).then(({ stdout }) => JSON.parse(stdout.trim().split('\n').at(-1)!) as { committed: number; failures: string[] });
  const results = await Promise.all([writer(), writer()]);
  expect(results).toEqual([
    { committed: perProcess, failures: [] },
    { committed: perProcess, failures: [] },
  ]);
}, 180_000);
