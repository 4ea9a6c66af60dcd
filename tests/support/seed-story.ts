// The real wire story the import tests run against: the repository's own copy (prisma/seed, which also seeds
// the demo), resolved from this file so a fresh clone anywhere can run the tests.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const seedStoryPath = fileURLToPath(new URL('../../prisma/seed/huawei-russia-5g.txt', import.meta.url));
export const seedStoryText = () => readFileSync(seedStoryPath, 'utf8');
