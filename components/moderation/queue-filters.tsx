import { LiveFilterForm } from './live-filter-form';

export type QueueFilterValues = {
  article?: string;
  author?: string;
  rule?: string;
  clause?: string;
  reports?: number;
  q?: string;
  order?: string;
};

/**
 * The queue's filters: they combine, live in the URL, and update the list as the moderator types (a plain GET form
 * without JavaScript). `extra` carries what the form does not show but keeps (the queue, the card density).
 */
export function QueueFilters({
  values,
  keep,
  articles,
  rules,
  clauses,
  showOrder,
  showText,
}: {
  values: QueueFilterValues;
  keep: Record<string, string | undefined>;
  articles: { id: string; headline: string }[];
  rules: readonly string[];
  clauses: { id: string; label: string }[];
  showOrder: boolean;
  showText: boolean;
}) {
  return (
    <LiveFilterForm action="/moderate" label="Filter the queue" className="queue-filters" omit={{ order: 'priority' }}>
      {Object.entries(keep).map(([name, value]) =>
        value ? <input key={name} type="hidden" name={name} value={value} /> : null,
      )}
      <div className="field">
        <label htmlFor="filter-article">Story</label>
        <select id="filter-article" name="article" defaultValue={values.article ?? ''}>
          <option value="">All stories</option>
          {articles.map((article) => (
            <option key={article.id} value={article.id}>
              {article.headline}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-author">Commenter</label>
        <input
          id="filter-author"
          name="author"
          type="search"
          aria-describedby="filter-author-hint"
          defaultValue={values.author}
        />
        <span id="filter-author-hint" className="meta">
          any part of a display name or an email address
        </span>
      </div>
      <div className="field">
        <label htmlFor="filter-rule">Rule</label>
        <select id="filter-rule" name="rule" defaultValue={values.rule ?? ''}>
          <option value="">Any rule</option>
          {rules.map((rule) => (
            <option key={rule} value={rule}>
              {rule}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor="filter-clause">Clause</label>
        <select id="filter-clause" name="clause" defaultValue={values.clause ?? ''}>
          <option value="">Any clause</option>
          {clauses.map((clause) => (
            <option key={clause.id} value={clause.id}>
              {clause.label}
            </option>
          ))}
        </select>
      </div>
      <div className="field field--narrow">
        <label htmlFor="filter-reports">At least N reports</label>
        <input
          id="filter-reports"
          name="reports"
          type="number"
          min={1}
          inputMode="numeric"
          defaultValue={values.reports}
        />
      </div>
      {showText && (
        <div className="field">
          <label htmlFor="filter-q">Text contains</label>
          <input id="filter-q" name="q" type="search" defaultValue={values.q} />
        </div>
      )}
      {showOrder && (
        <div className="field">
          <label htmlFor="filter-order">Order</label>
          <select id="filter-order" name="order" defaultValue={values.order ?? 'priority'}>
            <option value="priority">Priority (most urgent first)</option>
            <option value="oldest">Oldest first</option>
            <option value="newest">Newest first</option>
          </select>
        </div>
      )}
      <button type="submit" className="button button--quiet">
        Filter
      </button>
    </LiveFilterForm>
  );
}
