// A new version of the comment policy, saved by an admin from /moderate/rules. Versions are never edited:
// every one stays readable, and the newest is the one in force.
import { db } from '../db';
import { forgetActivePolicy } from '../data/policy';
import { policySettingsSchema, type PolicySettings } from '../policy';

export async function savePolicyVersion(settings: PolicySettings, note: string, createdById: string) {
  const valid = policySettingsSchema.parse(settings);
  const version = await db.policyVersion.create({
    data: { settings: JSON.stringify(valid), note, createdById },
    select: { id: true, createdAt: true },
  });
  forgetActivePolicy();
  return version;
}
