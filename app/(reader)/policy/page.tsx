import type { Metadata } from 'next';
import { clauses } from '@/lib/policy/clauses';
import { getActivePolicy } from '@/lib/data/policy';
import { getActivePresets } from '@/lib/data/presets';
import { explainPresets } from '@/lib/policy/presets';
import { explainModeration } from '@/lib/policy/explain';
import { automaticChecks } from '@/lib/policy/explainer';
import { site } from '@/lib/site/identity';

export const metadata: Metadata = { title: 'Comment policy' };
// The trust sentences quote the settings in force, which an admin can change (a new version drops this page
// from the page cache), so the page is rendered from the database, not at build time.
export const dynamic = 'force-dynamic';

export default async function PolicyPage() {
  const [policy, { presets }] = await Promise.all([getActivePolicy(), getActivePresets()]);
  const moderationExplained = explainModeration(policy.settings);
  // From the presets in force (issue 18): what the site applies is what this page says.
  const sensitive = explainPresets(presets, { closeAfterDays: policy.settings.autoCloseDays });
  return (
    <div className="policy">
      <p className="kicker">Standards</p>
      <h1>Comment policy</h1>
      <p>
        {site.name} hosts discussion under its stories so that readers can add knowledge, challenge our reporting and
        argue with one another. These rules keep that discussion worth reading. Every automatic check and every
        moderator’s decision cites one of the numbered clauses below, and links to it.
      </p>
      <nav aria-label="Clauses">
        <ol>
          {clauses.map((clause) => (
            <li key={clause.id}>
              <a href={`#${clause.id}`}>{clause.title}</a>
            </li>
          ))}
        </ol>
        <p>
          <a href={`#${sensitive.id}`}>{sensitive.title}</a>
        </p>
        <p>
          <a href={`#${automaticChecks.id}`}>{automaticChecks.title}</a>
        </p>
      </nav>
      <ol className="policy__clauses">
        {clauses.map((clause) => (
          <li key={clause.id} id={clause.id} className="policy__clause">
            <h2>
              §{clause.number} {clause.title}
            </h2>
            <p>
              <strong>{clause.summary}</strong>
            </p>
            {clause.text.map((paragraph, index) => (
              <p key={index}>{paragraph}</p>
            ))}
          </li>
        ))}
      </ol>
      {moderationExplained.map((part) => (
        <section key={part.id} id={part.id} className="policy__clause" aria-labelledby={`${part.id}-title`}>
          <h2 id={`${part.id}-title`}>{part.title}</h2>
          <ul>
            {part.sentences.map((sentence, index) => (
              <li key={index}>{sentence}</li>
            ))}
          </ul>
        </section>
      ))}
      <section id={sensitive.id} className="policy__clause" aria-labelledby={`${sensitive.id}-title`}>
        <h2 id={`${sensitive.id}-title`}>{sensitive.title}</h2>
        <p>{sensitive.intro}</p>
        <ul>
          {sensitive.sentences.map((sentence) => (
            <li key={sentence}>{sentence}</li>
          ))}
        </ul>
      </section>
      <section id={automaticChecks.id} className="policy__clause" aria-labelledby={`${automaticChecks.id}-title`}>
        <h2 id={`${automaticChecks.id}-title`}>{automaticChecks.title}</h2>
        <p>
          Every comment is checked by software before it appears. People disguise words to get past such checks, so
          ours:
        </p>
        <ul>
          {automaticChecks.does.map((paragraph) => (
            <li key={paragraph}>{paragraph}</li>
          ))}
        </ul>
        <h3>What the checks never do</h3>
        <ul>
          {automaticChecks.never.map((paragraph) => (
            <li key={paragraph}>{paragraph}</li>
          ))}
        </ul>
      </section>
    </div>
  );
}
