// The policy in force: the newest saved PolicyVersion, else the defaults shipped in lib/policy.
// Compiled matchers are cached per process and re-read after a short TTL, so a change saved on one
// instance reaches the others within seconds without a lookup per comment.
import 'server-only';
import { db } from '../db';
import {
  compilePolicy,
  defaultPolicySettings,
  policySettingsSchema,
  upgradeSettings,
  type CompiledPolicy,
  type PolicySettings,
} from '../policy';

export type ActivePolicy = { versionId: number | null; settings: PolicySettings; compiled: CompiledPolicy };

const defaultTtlMs = 5_000;
let cached: { policy: ActivePolicy; loadedAt: number } | null = null;

/** Older versions may lack settings added since: filled from the defaults (see upgradeSettings). */
function parseSettings(json: string): PolicySettings {
  return policySettingsSchema.parse(upgradeSettings(JSON.parse(json) as Record<string, unknown>));
}

export async function getActivePolicy(maxAgeMs = defaultTtlMs): Promise<ActivePolicy> {
  if (cached && Date.now() - cached.loadedAt <= maxAgeMs) return cached.policy;
  const row = await db.policyVersion.findFirst({ orderBy: { id: 'desc' }, select: { id: true, settings: true } });
  if (cached && cached.policy.versionId === (row?.id ?? null)) {
    cached.loadedAt = Date.now();
    return cached.policy;
  }
  const settings = row ? parseSettings(row.settings) : defaultPolicySettings;
  const policy = { versionId: row?.id ?? null, settings, compiled: compilePolicy(settings) };
  cached = { policy, loadedAt: Date.now() };
  return policy;
}

/** Drops this process's copy: the next read loads the newest version (after a save). */
export function forgetActivePolicy(): void {
  cached = null;
}

export function listPolicyVersions(take = 50) {
  return db.policyVersion.findMany({
    orderBy: { id: 'desc' },
    take,
    select: { id: true, note: true, createdById: true, createdAt: true },
  });
}

export async function getPolicyVersion(id: number) {
  const row = await db.policyVersion.findUnique({ where: { id } });
  return row
    ? {
        id: row.id,
        note: row.note,
        createdById: row.createdById,
        createdAt: row.createdAt,
        settings: parseSettings(row.settings),
      }
    : null;
}
