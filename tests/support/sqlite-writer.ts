// One of several processes writing the same SQLite database at once (tests/unit/database/sqlite-writers.db.test.ts):
// as the cluster's workers do, each runs transactions that read and then write. Prints one line of JSON: how many
// transactions committed and the messages of those that failed.
//   node --import tsx tests/support/sqlite-writer.ts <DATABASE_URL> <transactions>
import { closeDb, openDb } from './db';

const [url, count = '50'] = process.argv.slice(2);
const db = await openDb(url);
let committed = 0;
const failures: string[] = [];
for (let i = 0; i < Number(count); i++) {
  try {
    await db.$transaction(async (tx) => {
      const queued = await tx.outboxMessage.count();
      // Let the other process commit between this transaction's read and its write.
      await new Promise((resolve) => setTimeout(resolve, 1));
      await tx.outboxMessage.create({
        data: {
          kind: 'test',
          to: `reader${queued}@example.test`,
          subject: 'concurrent writers',
          text: '',
          html: '',
          headers: '{}',
          messageId: `<${process.pid}-${i}@example.test>`,
        },
      });
    });
    committed++;
  } catch (error) {
    failures.push(error instanceof Error ? error.message.split('\n').filter(Boolean).at(-1)! : String(error));
  }
}
await closeDb();
console.log(JSON.stringify({ committed, failures: [...new Set(failures)] }));
