import Link from 'next/link';
import { requireAdminPage, staffMetadata } from '@/lib/auth/guards';
import { namesOfUsers } from '@/lib/data/accounts';
import { getActivePolicy } from '@/lib/data/policy';
import { getActivePresets, getPresetVersion, listPresetVersions } from '@/lib/data/presets';
import { VersionHistory } from '@/components/moderation/version-history';
import { explainPreset } from '@/lib/policy';
import { formatDateTime } from '@/lib/site/format';
import { presetAction } from './actions';
import { PresetForm } from './preset-form';

export const generateMetadata = staffMetadata('Story presets', 'admin');
export const dynamic = 'force-dynamic';

export default async function PresetsPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  await requireAdminPage();
  const requested = Number((await searchParams).version);
  const [active, versions, policy, viewing] = await Promise.all([
    getActivePresets(0),
    listPresetVersions(),
    getActivePolicy(0),
    Number.isInteger(requested) && requested > 0 ? getPresetVersion(requested) : Promise.resolve(null),
  ]);
  const authors = await namesOfUsers(versions.flatMap((v) => (v.createdById ? [v.createdById] : [])));
  const siteDays = policy.settings.autoCloseDays;
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Story presets</h1>
      <p>
        In force: {active.versionId ? `version ${active.versionId}` : 'the defaults shipped with the app'}. Presets set
        a story’s comments by its section and tags. For each setting, a story’s own setting (on{' '}
        <Link href="/moderate/articles">Article settings</Link>) beats a preset matching one of its tags, which beats a
        preset matching its section, which beats the site default; among presets of one kind the first in this list
        wins. Site default: comments open,{' '}
        {siteDays === null ? 'never closing' : `closing ${siteDays} day${siteDays === 1 ? '' : 's'} after publication`}{' '}
        (<Link href="/moderate/rules">Policy rules</Link>). Each change is checked with a dry run first.
      </p>
      {viewing && (
        <section className="card" aria-labelledby="viewing-version">
          <h2 id="viewing-version">
            Version {viewing.id} (read only) · {formatDateTime(viewing.createdAt)}
          </h2>
          <p>
            {viewing.note ? `Note: ${viewing.note}. ` : ''}
            <Link href="/moderate/presets">Back to the presets in force</Link>
          </p>
          {viewing.presets.length === 0 ? (
            <p>No presets: every story followed its own settings and the site default.</p>
          ) : (
            <ul>
              {viewing.presets.map((preset) => (
                <li key={preset.id}>
                  <strong>{preset.name}</strong>: {explainPreset(preset)}
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {active.presets.map((preset) => (
        <section key={preset.id} className="card" aria-label={preset.name}>
          <h2>{preset.name}</h2>
          <p className="meta">{explainPreset(preset)}</p>
          <details>
            <summary>Edit</summary>
            <PresetForm action={presetAction} preset={preset} />
          </details>
        </section>
      ))}
      <section className="card" aria-labelledby="new-preset">
        <h2 id="new-preset">New preset</h2>
        <PresetForm action={presetAction} preset={null} />
      </section>
      <h2>Versions</h2>
      <VersionHistory
        versions={versions}
        activeId={active.versionId}
        authors={authors}
        href={(id) => `/moderate/presets?version=${id}`}
      />
    </div>
  );
}
