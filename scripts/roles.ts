// npm run roles -- grant ROLE EMAIL | revoke EMAIL | list
// Creates the account if it does not exist yet, so a new moderator can simply sign in.
import { z } from 'zod';
import { db } from '../lib/db';

const usage =
  'usage: npm run roles -- grant reader|moderator|admin EMAIL\n       npm run roles -- revoke EMAIL   (back to reader)\n       npm run roles -- list';
const roleSchema = z.enum(['reader', 'moderator', 'admin']);
const emailSchema = z.email();

async function main(args: string[]): Promise<string> {
  const [command, ...rest] = args;
  if (command === 'list') {
    const staff = await db.user.findMany({ where: { role: { not: 'READER' } }, orderBy: { email: 'asc' } });
    return staff.length
      ? staff.map((user) => `${user.role.toLowerCase().padEnd(9)} ${user.email}`).join('\n')
      : 'No moderators or admins.';
  }
  let role: z.infer<typeof roleSchema>;
  let email: string;
  if (command === 'grant' && rest.length === 2) {
    const parsedRole = roleSchema.safeParse(rest[0]?.toLowerCase());
    if (!parsedRole.success) throw new Error(`unknown role "${rest[0]}": use reader, moderator or admin`);
    role = parsedRole.data;
    email = rest[1]!;
  } else if (command === 'revoke' && rest.length === 1) {
    role = 'reader';
    email = rest[0]!;
  } else throw new Error(usage);
  email = email.trim().toLowerCase();
  if (!emailSchema.safeParse(email).success) throw new Error(`"${email}" is not a valid email address`);
  const value = role.toUpperCase() as 'READER' | 'MODERATOR' | 'ADMIN';
  const user = await db.user.upsert({ where: { email }, update: { role: value }, create: { email, role: value } });
  return `${user.email} is now ${role === 'admin' ? 'an admin' : `a ${role}`}.`;
}

main(process.argv.slice(2))
  .then((message) => console.log(message))
  .catch((error) => {
    console.error(`roles: ${error instanceof Error ? error.message : error}`);
    process.exitCode = 1;
  })
  .finally(() => db.$disconnect());
