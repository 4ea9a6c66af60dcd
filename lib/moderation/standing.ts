// The reader's standing for their profile: which account-level holds are in force and why, computed with the
// same conduct count and the same words the policy engine uses when it holds their comments.
import { getActivePolicy } from '../data/policy';
import { isStaff, type Viewer } from '../auth/permissions';
import { accountHolds, type AccountHold } from '../policy/standing';
import { loadConductOf } from './conduct';

export async function listAccountHolds(
  viewer: Viewer,
  now = new Date(),
): Promise<{ list: AccountHold[]; breaches: { clause: string }[]; approvedCount: number }> {
  const [policy, conduct] = await Promise.all([getActivePolicy(), loadConductOf(viewer.id)]);
  const author = {
    id: viewer.id,
    createdAt: viewer.createdAt,
    approvedCount: conduct.approvedCount,
    publishedCount: conduct.approvedCount,
    rejectedCount: conduct.breaches.length,
    premoderated: viewer.premoderated,
    isStaff: isStaff(viewer),
  };
  return {
    list: accountHolds(author, now, policy.settings, policy.compiled.enabled),
    breaches: conduct.breaches,
    approvedCount: conduct.approvedCount,
  };
}
