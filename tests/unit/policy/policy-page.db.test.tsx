// /policy explains the trust rules with the settings in force: an admin who changes the threshold or the
// number of reviewed first comments changes what the page promises (issue 13: the page quoted the defaults).
import { renderToStaticMarkup } from 'react-dom/server';
import { beforeAll, expect, test, vi } from 'vitest';
import type { Db } from '@/lib/db';
import { defaultPolicySettings } from '@/lib/policy/settings';
import { useTempDatabase } from '../../support/temp-db';

vi.setConfig({ testTimeout: 30_000 });

let db: Db;
beforeAll(async () => {
  db = await useTempDatabase();
}, 60_000);

async function renderPolicyPage() {
  const { default: PolicyPage } = await import('@/app/(reader)/policy/page');
  return renderToStaticMarkup(await PolicyPage()).replace(/<[^>]+>/g, ' ');
}

test('the trust section quotes the policy version in force, not the shipped defaults', async () => {
  expect(await renderPolicyPage()).toContain(`falls below −${-defaultPolicySettings.trustThreshold},`);

  const admin = await db.user.create({ data: { email: 'admin@ledger.test', displayName: 'Admin', role: 'ADMIN' } });
  await db.policyVersion.create({
    data: {
      settings: JSON.stringify({ ...defaultPolicySettings, trustThreshold: -7, newCommenterHoldCount: 2 }),
      note: 'Stricter for the election',
      createdById: admin.id,
    },
  });
  const { getActivePolicy } = await import('@/lib/data/policy');
  await getActivePolicy(0); // the in-process copy is refreshed the way a new version refreshes it

  const text = await renderPolicyPage();
  expect(text).toContain('falls below −7,');
  expect(text).toContain('until 2 of them are approved');
  expect(text).not.toContain(`falls below −${-defaultPolicySettings.trustThreshold},`);
});

test('the sensitive-stories section is written from the presets in force (issue 18)', async () => {
  expect(await renderPolicyPage()).toContain('On stories in the Obituaries section, comments are closed.');
  const { defaultPresets } = await import('@/lib/policy/presets');
  await db.presetVersion.create({
    data: {
      presets: JSON.stringify([
        ...defaultPresets.filter((preset) => preset.id !== 'obituaries'),
        { ...defaultPresets[0]!, id: 'inquests', name: 'Inquests', sections: ['Inquests'], tags: [] },
      ]),
    },
  });
  const { getActivePresets } = await import('@/lib/data/presets');
  await getActivePresets(0);
  const text = (await renderPolicyPage()).replace(/\s+/g, ' ');
  expect(text).toContain(
    'On stories in the Inquests section, every comment is read by a moderator before it appears; a comment with a link waits for a moderator; possible name-calling is not published at all.',
  );
  expect(text).not.toContain('Obituaries section');
});
