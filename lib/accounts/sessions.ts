// Signing out ends the session in the database too: a copied cookie stops working at once.
import { db } from '../db';

export async function endSession(sessionToken: string) {
  await db.session.deleteMany({ where: { sessionToken } });
}
