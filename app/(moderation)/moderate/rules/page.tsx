import Link from 'next/link';
import { requireAdminPage, staffMetadata } from '@/lib/auth/guards';
import { namesOfUsers } from '@/lib/data/accounts';
import { getActivePolicy, getPolicyVersion, listPolicyVersions } from '@/lib/data/policy';
import { formatDateTime } from '@/lib/site/format';
import { ruleIds } from '@/lib/policy';
import { rulesAction } from './actions';
import { RulesForm } from './rules-form';
import { VersionHistory } from '@/components/moderation/version-history';

export const generateMetadata = staffMetadata('Policy rules', 'admin');
export const dynamic = 'force-dynamic';

export default async function RulesPage({ searchParams }: { searchParams: Promise<{ version?: string }> }) {
  await requireAdminPage();
  const requested = Number((await searchParams).version);
  const [active, versions, viewing] = await Promise.all([
    getActivePolicy(0),
    listPolicyVersions(),
    Number.isInteger(requested) && requested > 0 ? getPolicyVersion(requested) : Promise.resolve(null),
  ]);
  const authors = await namesOfUsers(versions.flatMap((v) => (v.createdById ? [v.createdById] : [])));
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Policy rules</h1>
      <p>
        In force: {active.versionId ? `version ${active.versionId}` : 'the defaults shipped with the app'}. Changes are
        checked with a dry run over recent comments before they can be saved; every saved version stays readable below.
      </p>
      {viewing ? (
        <>
          <h2>
            Version {viewing.id} (read only) · {formatDateTime(viewing.createdAt)}
          </h2>
          <p>
            <Link href="/moderate/rules">Back to the version in force</Link>
          </p>
          <RulesForm action={rulesAction} settings={viewing.settings} rules={ruleIds} readOnly />
        </>
      ) : (
        <RulesForm action={rulesAction} settings={active.settings} rules={ruleIds} />
      )}
      <h2>Versions</h2>
      <VersionHistory
        versions={versions}
        activeId={active.versionId}
        authors={authors}
        href={(id) => `/moderate/rules?version=${id}`}
      />
    </div>
  );
}
