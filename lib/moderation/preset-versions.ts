// A new version of the story presets (issue 18), saved by an admin from /moderate/presets. Versions are never
// edited: each stays readable, the newest is in force, and the audit log records who saved which and why.
import { db } from '../db';
import { recordEvent } from '../comments/audit';
import { forgetActivePresets } from '../data/presets';
import { presetListSchema, type Preset } from '../policy';

export async function savePresetVersion(presets: Preset[], note: string, createdById: string, summary: string) {
  const valid = presetListSchema.parse(presets);
  const version = await db.$transaction(async (tx) => {
    const created = await tx.presetVersion.create({
      data: { presets: JSON.stringify(valid), note, createdById },
      select: { id: true, createdAt: true },
    });
    await recordEvent(tx, {
      commentId: null,
      actorType: 'moderator',
      actorId: createdById,
      action: 'presets-saved',
      fromStatus: null,
      toStatus: null,
      note: `Story presets version ${created.id}: ${summary}${note ? ` (${note})` : ''}`,
    });
    return created;
  });
  forgetActivePresets();
  return version;
}
