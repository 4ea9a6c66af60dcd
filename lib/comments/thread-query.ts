// What a story page's comment list depends on in its URL: ?sort and ?shown. The page, its links and the page
// cache's key (lib/server/reader-slot.ts) all read them through this one function, so a stored page always
// matches its key: a URL whose query is not already canonical (a repeated parameter, ?sort=oldest, ?shown=20.5,
// ?shown=99999) is redirected to the canonical one before anything is rendered or stored (issue 12.5).
// Pure: no next, react or prisma imports.

export const commentSorts = ['oldest', 'newest', 'reactions', 'picks'] as const;
export type CommentSort = (typeof commentSorts)[number];
/** Threads per "Show more comments" step; `shown` is always a multiple of it. */
export const threadsPerPage = 20;
export const maxThreadsShown = 1000;

export type ThreadQuery = { sort: CommentSort; shown: number };

const isSort = (value: string): value is CommentSort => (commentSorts as readonly string[]).includes(value);

/** Rounds any number a reader or a bot might type up to the next page boundary, within [20, 1000]. */
function pageBoundary(raw: string | undefined): number {
  const value = raw === undefined ? NaN : Number(raw);
  if (!Number.isFinite(value)) return threadsPerPage;
  const pages = Math.ceil(value / threadsPerPage);
  return Math.min(Math.max(pages, 1), maxThreadsShown / threadsPerPage) * threadsPerPage;
}

/** The query as the page uses it, and whether the URL already says exactly that (and nothing else about it). */
export function readThreadQuery(params: URLSearchParams): { query: ThreadQuery; canonical: boolean } {
  const sorts = params.getAll('sort');
  const showns = params.getAll('shown');
  // A repeated parameter (?sort=newest&sort=x) takes its last usable value; the URL is then not canonical.
  const rawSort = sorts.at(-1);
  const sort: CommentSort = sorts.findLast(isSort) ?? 'oldest';
  const shown = pageBoundary(showns.findLast((value) => Number.isFinite(Number(value))));
  const query = { sort, shown };
  const wanted = threadQuerySearch(query);
  const canonical =
    sorts.length <= 1 &&
    showns.length <= 1 &&
    (rawSort ?? null) === wanted.get('sort') &&
    (showns[0] ?? null) === wanted.get('shown');
  return { query, canonical };
}

/** Reads Next's `searchParams` object (repeated keys arrive as arrays). */
export function readThreadQueryFrom(searchParams: Record<string, string | string[] | undefined>) {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(searchParams)) {
    for (const item of Array.isArray(value) ? value : value === undefined ? [] : [value]) params.append(key, item);
  }
  return readThreadQuery(params);
}

/** The canonical form: defaults are left out, so the plain story URL is the oldest-first first page. */
export function threadQuerySearch(query: ThreadQuery): URLSearchParams {
  const search = new URLSearchParams();
  if (query.sort !== 'oldest') search.set('sort', query.sort);
  if (query.shown > threadsPerPage) search.set('shown', String(query.shown));
  return search;
}

/** A link to the story with this thread query (and any extra parameters such as ?reply=ID), canonical. */
export function threadQueryHref(
  path: string,
  query: ThreadQuery,
  extra: Record<string, string | undefined> = {},
  anchor?: string,
): string {
  const search = threadQuerySearch(query);
  for (const [key, value] of Object.entries(extra)) if (value) search.set(key, value);
  return `${path}${search.size ? `?${search}` : ''}${anchor ? `#${anchor}` : ''}`;
}

/** The same URL with its thread query made canonical and every other parameter kept, in order. */
export function canonicalThreadUrl(path: string, params: URLSearchParams): string {
  const { query } = readThreadQuery(params);
  const search = new URLSearchParams();
  for (const [key, value] of params) if (key !== 'sort' && key !== 'shown') search.append(key, value);
  for (const [key, value] of threadQuerySearch(query)) search.append(key, value);
  return `${path}${search.size ? `?${search}` : ''}`;
}

/** The links each comment carries on a page read with this query: open its reply or report form, or close it. */
export function commentLinks(path: string, query: ThreadQuery) {
  const here = (changes: Record<string, string | undefined>, id: string) =>
    threadQueryHref(path, query, changes, `comment-${id}`);
  return {
    reply: (id: string) => here({ reply: id }, id),
    report: (id: string) => here({ report: id }, id),
    close: (id: string) => here({}, id),
  };
}

/** The hidden fields a compose or reply form sends so the action knows the page it was posted from. */
export function threadQueryFields(query: ThreadQuery): Record<string, string> {
  return { sort: query.sort, shown: String(query.shown) };
}
