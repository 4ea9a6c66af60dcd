import Link from 'next/link';
import { requireStaffPage, staffMetadata } from '@/lib/auth/guards';
import { listArticleSettings } from '@/lib/data/articles';
import { describeHours, describeSource, type EffectiveSettings, type Standing } from '@/lib/policy';
import { formatDate, formatMoment, plural } from '@/lib/site/format';
import { updateArticleSettingsAction } from './actions';
import { ArticleSettingsForm } from './article-settings-form';

export const generateMetadata = staffMetadata('Article settings');
export const dynamic = 'force-dynamic';

const modeWords = { open: 'Open', premoderated: 'Pre-moderated', closed: 'Closed' } as const;

/** Each setting in force, its value and where it comes from (issue 18: story > tag preset > section preset > site). */
function EffectiveTable({
  settings,
  standing,
  label,
}: {
  settings: EffectiveSettings;
  standing: Standing;
  label: string;
}) {
  const rows: [string, string, EffectiveSettings[keyof Omit<EffectiveSettings, 'matched'>]['source']][] = [
    ['Comment mode', modeWords[settings.mode.value], settings.mode.source],
    [
      'Pre-moderated after publication',
      settings.premoderateHours.value === null ? '—' : `first ${describeHours(settings.premoderateHours.value)}`,
      settings.premoderateHours.source,
    ],
    [
      'Comments close',
      settings.closeAfterHours.value === null
        ? 'never'
        : `${describeHours(settings.closeAfterHours.value)} after publication`,
      settings.closeAfterHours.source,
    ],
    [
      'Links held',
      settings.holdLinksFrom.value === null
        ? 'as the rules say'
        : `from ${plural(settings.holdLinksFrom.value, 'link')}`,
      settings.holdLinksFrom.source,
    ],
    [
      'Suspect terms',
      settings.rejectSuspectTerms.value ? 'rejected' : 'held (as the rules say)',
      settings.rejectSuspectTerms.source,
    ],
    ['Notice to readers', settings.notice.value || '—', settings.notice.source],
  ];
  const now =
    standing.state === 'closed'
      ? 'closed'
      : standing.state === 'premoderated'
        ? `pre-moderated${standing.premoderatedUntil ? ` until ${formatMoment(standing.premoderatedUntil)}` : ''}`
        : 'open';
  return (
    <>
      <p className="meta" data-testid="standing">
        Now: {now}
        {standing.state !== 'closed' && standing.closesAt && `; closes on ${formatMoment(standing.closesAt)}`} (
        {describeSource(standing.source)}).
      </p>
      <table className="data-table" aria-label={`Effective settings: ${label}`}>
        <thead>
          <tr>
            <th scope="col">Setting</th>
            <th scope="col">In force</th>
            <th scope="col">From</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(([name, value, source]) => (
            <tr key={name}>
              <th scope="row">{name}</th>
              <td>{value}</td>
              <td>{describeSource(source)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

export default async function ArticleSettingsPage() {
  await requireStaffPage();
  const articles = await listArticleSettings();
  return (
    <div className="moderation">
      <p className="meta">
        <Link href="/moderate">← Queues</Link>
      </p>
      <h1>Article settings</h1>
      <p>
        A story’s own setting beats a preset matching one of its tags, which beats a preset matching its section, which
        beats the site default. Presets are managed on <Link href="/moderate/presets">Story presets</Link>.
      </p>
      <ol className="cards">
        {articles.map((article) => (
          <li key={article.id} className="card" aria-label={article.headline}>
            <p className="card__header">
              <Link href={`/articles/${article.slug}`}>{article.headline}</Link>
              <span className="meta">
                {formatDate(article.publishedAt)} · {plural(article.commentCount, 'comment')}
              </span>
            </p>
            <p className="meta">
              Section: {article.section || '—'} · Tags: {article.tags.length ? article.tags.join(', ') : '—'}
            </p>
            <EffectiveTable
              settings={article.policy.settings}
              standing={article.policy.standing}
              label={article.headline}
            />
            <ArticleSettingsForm action={updateArticleSettingsAction} article={article} />
          </li>
        ))}
      </ol>
    </div>
  );
}
