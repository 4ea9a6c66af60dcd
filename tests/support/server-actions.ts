// Calls server actions and route handlers over HTTP the way a browser does, for the end-to-end specs, the benchmarks
// and the reliability suite (one client: one encoder, one manifest reader, one reader of answers):
//   - "fetch" shape: what React sends once the page is hydrated — POST to a page with `Next-Action: <id>` and
//     the arguments encoded as a React reply (multipart: row "0" holds the argument list, a FormData argument
//     is the `$K1` reference whose fields are sent as `_1_<name>`);
//   - "no-JS" shape: what a plain HTML form posts before hydration — `$ACTION_ID_<id>` for `action(formData)`,
//     or `$ACTION_REF_1` + `$ACTION_1:0` {id, bound} + `$ACTION_1:1` [previous state] for useActionState forms.
// Action ids come from the build's server-reference-manifest.json (id → { filename, exportedName, workers }).
// Calls go to the end-to-end server (E2E_PORT, the build in NEXT_DIST_DIR or .next) unless `server` names another.
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http, { type IncomingHttpHeaders } from 'node:http';
import path from 'node:path';

export const port = Number(process.env.E2E_PORT ?? 3100);
export const baseURL = `http://127.0.0.1:${port}`;
/** The e2e server's METRICS_TOKEN (playwright.config.ts), for reading /metrics. */
export const e2eMetricsToken = 'e2e-metrics-token-0123456789';

/** A running app: where it answers, and the build it serves (whose manifest holds its action ids). */
export type AppTarget = { url: string; distDir: string };
const e2eServer = (): AppTarget => ({ url: baseURL, distDir: distDir() });

// ── The manifest ───────────────────────────────────────────────────────────────────────────────────────

export type ManifestEntry = { id: string; filename: string; exportedName: string; workers: string[] };

export function distDir(): string {
  return process.env.NEXT_DIST_DIR || '.next';
}

const manifests = new Map<string, ManifestEntry[]>();
/** Every server action the build knows, from `<dir>/server/server-reference-manifest.json`. */
export function actionManifest(dir = distDir()): ManifestEntry[] {
  const cached = manifests.get(dir);
  if (cached) return cached;
  const file = path.join(dir, 'server', 'server-reference-manifest.json');
  const raw = JSON.parse(readFileSync(file, 'utf8')) as {
    node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }>;
  };
  const entries = Object.entries(raw.node).map(([id, entry]) => ({
    id,
    filename: entry.filename ?? '',
    exportedName: entry.exportedName ?? '',
    workers: Object.keys(entry.workers),
  }));
  manifests.set(dir, entries);
  return entries;
}

/** Inline `'use server'` closures are compiled to `$$RSC_SERVER_ACTION_<n>` exports of their page. */
export const isInlineExport = (name: string) => name.startsWith('$$RSC_SERVER_ACTION_');

export function findAction(file: string, exportName: string, inline = false, dir = distDir()): ManifestEntry {
  const found = actionManifest(dir).filter(
    (entry) =>
      entry.filename === file && (inline ? isInlineExport(entry.exportedName) : entry.exportedName === exportName),
  );
  if (found.length !== 1)
    throw new Error(`${found.length} manifest entries for ${file}#${exportName} (rebuild with NEXT_DIST_DIR=${dir}?)`);
  return found[0]!;
}

/** A page the action is bundled with, as a URL path: 'app/(reader)/articles/[slug]/page' → '/articles/x'. */
export function pagePathFor(entry: ManifestEntry, params: Record<string, string> = {}): string {
  const worker = entry.workers[0] ?? 'app/page';
  const segments = worker
    .replace(/^app\//, '')
    .replace(/\/?page$/, '')
    .split('/')
    .filter((segment) => segment && !/^\(.*\)$/.test(segment))
    .map((segment) => {
      const name = /^\[+\.{0,3}([^\]]+)\]+$/.exec(segment)?.[1];
      return name ? encodeURIComponent(params[name] ?? 'x') : segment;
    });
  return `/${segments.join('/')}`;
}

// ── HTTP ───────────────────────────────────────────────────────────────────────────────────────────────

/** `ms`: from sending the request to the end of the answer; `receivedAt`: performance.now() at that end. */
export type HttpResult = { status: number; headers: IncomingHttpHeaders; text: string; ms: number; receivedAt: number };

/** For load: connections are reused, as a browser reuses its own. */
export const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });

export type RequestOptions = {
  headers?: Record<string, string>;
  body?: Buffer | string;
  server?: AppTarget;
  /** A pooled agent (the load generators). Without one, each request has its own connection and address. */
  agent?: http.Agent;
  timeoutMs?: number;
};

// server.ts limits POSTs per client address (RATE_LIMIT_WRITES_PER_IP, 300 a minute). The security specs send hundreds
// of POSTs in seconds, so each request without an agent comes from its own loopback address (all of 127.0.0.0/8 is local on
// Linux), leaving 127.0.0.1's budget to the browser-driven specs. Falls back to the default address if binding fails.
let sequence = 0;
let rotate = true;
function nextLocalAddress(): string | undefined {
  if (!rotate) return undefined;
  sequence = (sequence + 1) % 60_000;
  return `127.${100 + (sequence >> 16)}.${(sequence >> 8) & 255}.${sequence & 255 || 1}`;
}

/** A request to `target`: a path on the server, sent as written (the specs send odd ones on purpose), or an
 *  absolute URL. */
export async function httpRequest(
  method: string,
  target: string,
  { headers = {}, body, server = e2eServer(), agent, timeoutMs = 30_000 }: RequestOptions = {},
): Promise<HttpResult> {
  const payload = body === undefined ? undefined : Buffer.isBuffer(body) ? body : Buffer.from(body, 'utf8');
  const absolute = /^https?:\/\//.test(target);
  const url = new URL(absolute ? target : server.url);
  const requestPath = absolute ? `${url.pathname}${url.search}` : target;
  const attempt = (localAddress: string | undefined, fresh = false) =>
    new Promise<HttpResult>((resolve, reject) => {
      const started = performance.now();
      const request = http.request(
        {
          host: url.hostname,
          port: url.port,
          path: requestPath,
          method,
          agent: fresh ? false : agent,
          localAddress,
          headers: {
            ...headers,
            ...(payload ? { 'content-length': String(payload.length) } : {}),
          },
        },
        (response) => {
          const chunks: Buffer[] = [];
          response.on('data', (chunk: Buffer) => chunks.push(chunk));
          response.on('end', () => {
            const receivedAt = performance.now();
            resolve({
              status: response.statusCode ?? 0,
              headers: response.headers,
              text: Buffer.concat(chunks).toString('utf8'),
              ms: receivedAt - started,
              receivedAt,
            });
          });
          response.on('error', reject);
        },
      );
      request.setTimeout(timeoutMs, () => request.destroy(new Error(`timeout: ${method} ${target}`)));
      request.on('error', (error: NodeJS.ErrnoException) => {
        // A kept-alive connection the server had just closed (after a "connection: close" answer, or its idle
        // timeout): the request never reached it. Node's documented remedy: send it again on a new connection.
        if (request.reusedSocket && !fresh && (error.code === 'ECONNRESET' || error.code === 'EPIPE'))
          attempt(localAddress, true).then(resolve, reject);
        else reject(error);
      });
      request.end(payload);
    });
  const local = agent ? undefined : nextLocalAddress();
  try {
    return await attempt(local);
  } catch (error) {
    if (local && (error as NodeJS.ErrnoException).code === 'EADDRNOTAVAIL') {
      rotate = false;
      return attempt(undefined);
    }
    throw error;
  }
}

/** A GET over a pooled connection, as the load generators read pages (no Accept-Encoding: identity bytes). */
export const httpGet = (url: string, headers: Record<string, string> = {}) =>
  httpRequest('GET', url, { headers, agent: keepAliveAgent, timeoutMs: 60_000 });

export const cookieHeader = (sessionToken?: string): Record<string, string> =>
  sessionToken ? { cookie: `next-auth.session-token=${sessionToken}` } : {};

async function multipart(form: FormData): Promise<{ body: Buffer; type: string }> {
  const response = new Response(form);
  return { body: Buffer.from(await response.arrayBuffer()), type: response.headers.get('content-type')! };
}

// ── Encoding ───────────────────────────────────────────────────────────────────────────────────────────

export type FieldValue = string | string[] | Blob;
export type Fields = Record<string, FieldValue>;

/** A FormData argument in an argument list. */
export class FormArg {
  constructor(readonly fields: Fields) {}
}

function appendFields(form: FormData, fields: Fields, prefix = '') {
  for (const [name, value] of Object.entries(fields)) {
    if (Array.isArray(value)) for (const item of value) form.append(prefix + name, item);
    else if (value instanceof Blob) form.append(prefix + name, value, 'upload.bin');
    else form.append(prefix + name, value);
  }
}

/** React's reply encoding of plain values: strings starting with "$" are escaped, undefined is "$undefined". */
function encodeValue(value: unknown): unknown {
  if (value === undefined) return '$undefined';
  if (typeof value === 'string') return value.startsWith('$') ? `$${value}` : value;
  if (Array.isArray(value)) return value.map(encodeValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, encodeValue(v)]));
  return value;
}

/** The body a hydrated page sends for `action(...args)`. */
export function fetchShapeBody(args: unknown[]): FormData {
  const form = new FormData();
  let nextRef = 1;
  const encoded = args.map((arg) => {
    if (!(arg instanceof FormArg)) return encodeValue(arg);
    const ref = nextRef++;
    appendFields(form, arg.fields, `_${ref}_`);
    return `$K${ref}`;
  });
  form.append('0', JSON.stringify(encoded));
  return form;
}

/** Reverses encodeValue: "$undefined" → undefined, "$$x" → "$x". Other "$" references are not plain values. */
function decodeValue(value: unknown): unknown {
  if (value === '$undefined') return undefined;
  if (typeof value === 'string' && value.startsWith('$')) {
    if (value.startsWith('$$')) return value.slice(1);
    throw new Error(`cannot decode the reply reference ${value}`);
  }
  if (Array.isArray(value)) return value.map(decodeValue);
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, decodeValue(v)]));
  return value;
}

/**
 * The argument list of a captured fetch-shape request (what the browser's React sent), with each `$K<n>`
 * FormData reference read back into a FormArg. With fetchShapeBody it round-trips, so a replayed or forged
 * request is built by the same encoder as every other call in the security specs, and a field we change is
 * really changed: editing the raw multipart text with a regular expression silently changes nothing when
 * the field is not spelled the way the expression expects.
 */
export async function decodeFetchShapeBody(body: Buffer, contentType: string): Promise<unknown[]> {
  const form = await new Response(new Uint8Array(body), { headers: { 'content-type': contentType } }).formData();
  const row = form.get('0');
  if (typeof row !== 'string') throw new Error('not a fetch-shape server action body: no row "0"');
  const args = JSON.parse(row) as unknown[];
  return args.map((arg) => {
    const ref = typeof arg === 'string' ? /^\$K(\d+)$/.exec(arg)?.[1] : undefined;
    if (!ref) return decodeValue(arg);
    const prefix = `_${ref}_`;
    const fields: Fields = {};
    for (const name of new Set([...form.keys()].filter((key) => key.startsWith(prefix)))) {
      const values = form.getAll(name);
      fields[name.slice(prefix.length)] = values.length > 1 ? values.map(String) : values[0]!;
    }
    return new FormArg(fields);
  });
}

/** The same arguments with some form fields changed. Throws when a field is not in the form, so a change can never be a no-op. */
export function withFormFields(args: unknown[], changes: Record<string, string>): unknown[] {
  const forms = args.filter((arg): arg is FormArg => arg instanceof FormArg);
  if (forms.length !== 1) throw new Error(`expected one form argument, found ${forms.length}`);
  for (const name of Object.keys(changes))
    if (!(name in forms[0]!.fields))
      throw new Error(`the form has no field "${name}" (fields: ${Object.keys(forms[0]!.fields).join(', ')})`);
  return args.map((arg) => (arg instanceof FormArg ? new FormArg({ ...arg.fields, ...changes }) : arg));
}

/** The field of the one form argument (for assertions on a captured request). */
export function formField(args: unknown[], name: string): FieldValue | undefined {
  return args.find((arg): arg is FormArg => arg instanceof FormArg)?.fields[name];
}

/** The body a plain HTML form posts before hydration. */
export function noJsShapeBody(actionId: string, fields: Fields, previousState?: unknown): FormData {
  const form = new FormData();
  if (previousState === undefined) form.append(`$ACTION_ID_${actionId}`, '');
  else {
    form.append('$ACTION_REF_1', '');
    form.append('$ACTION_1:0', JSON.stringify({ id: actionId, bound: '$@1' }));
    form.append('$ACTION_1:1', JSON.stringify([previousState]));
  }
  appendFields(form, fields);
  return form;
}

// ── Calls ──────────────────────────────────────────────────────────────────────────────────────────────

export type CallOptions = {
  path: string;
  sessionToken?: string;
  origin?: string | null;
  headers?: Record<string, string>;
  server?: AppTarget;
  agent?: http.Agent;
  timeoutMs?: number;
};

function actionHeaders({ sessionToken, origin, headers, server }: CallOptions): Record<string, string> {
  const from = origin === undefined ? (server ?? e2eServer()).url : origin;
  return { ...(from === null ? {} : { origin: from }), ...cookieHeader(sessionToken), ...headers };
}

/** POSTs `action(...args)` the way a hydrated page does (`Next-Action` header, React reply body). */
export async function callActionFetch(actionId: string, args: unknown[], options: CallOptions): Promise<HttpResult> {
  const { body, type } = await multipart(fetchShapeBody(args));
  return httpRequest('POST', options.path, {
    body,
    headers: { 'content-type': type, 'next-action': actionId, accept: 'text/x-component', ...actionHeaders(options) },
    server: options.server,
    agent: options.agent,
    timeoutMs: options.timeoutMs,
  });
}

/**
 * POSTs `action(...args)` like callActionFetch, then hangs up as soon as the answer starts, without reading
 * it: the server has done the work (an action answers after its write commits), but the client never learns
 * the outcome. This is the lost response a retry with the same idempotency key must not turn into a second write.
 * Resolves with the status line the server had begun to send.
 */
export async function callActionFetchAndHangUp(
  actionId: string,
  args: unknown[],
  options: CallOptions,
): Promise<number> {
  const { body, type } = await multipart(fetchShapeBody(args));
  return new Promise<number>((resolve, reject) => {
    const { hostname, port } = new URL((options.server ?? e2eServer()).url);
    const request = http.request({
      host: hostname,
      port,
      path: options.path,
      method: 'POST',
      agent: false,
      headers: {
        'content-type': type,
        'next-action': actionId,
        accept: 'text/x-component',
        'content-length': String(body.length),
        ...actionHeaders(options),
      },
    });
    request.on('response', (response) => {
      request.destroy();
      resolve(response.statusCode ?? 0);
    });
    request.on('error', reject); // after the hang-up, a late error cannot un-resolve the promise
    request.setTimeout(30_000, () => request.destroy(new Error(`timeout: POST ${options.path}`)));
    request.end(body);
  });
}

/** POSTs a raw body with the `Next-Action` header (for malformed-payload tests). */
export async function callActionRaw(
  actionId: string,
  body: Buffer | string,
  contentType: string,
  options: CallOptions,
): Promise<HttpResult> {
  return httpRequest('POST', options.path, {
    body,
    headers: {
      'content-type': contentType,
      'next-action': actionId,
      accept: 'text/x-component',
      ...actionHeaders(options),
    },
    server: options.server,
  });
}

/** POSTs a form the way a browser does without JavaScript. */
export async function postForm(form: FormData, options: CallOptions): Promise<HttpResult> {
  const { body, type } = await multipart(form);
  return httpRequest('POST', options.path, {
    body,
    headers: { 'content-type': type, accept: 'text/html', ...actionHeaders(options) },
    server: options.server,
  });
}

export function formFrom(fields: Fields): FormData {
  const form = new FormData();
  appendFields(form, fields);
  return form;
}

// ── Forms as a hydrated page sends them (the load generators) ──────────────────────────────────────────────

/** The actions the benchmarks and the reliability suite call by name (the access table names them all). */
export const postCommentEntry = { file: 'app/(reader)/articles/[slug]/actions.ts', exportName: 'postCommentAction' };
export const decideCommentEntry = { file: 'app/(moderation)/moderate/actions.ts', exportName: 'decideAction' };

/** The Next-Router-State-Tree header the browser sends from a page (route groups and dynamic segments spelled out). */
export function routerStateTree(segments: (string | [string, string, string])[]): string {
  let node: unknown = ['__PAGE__', {}, null, null, 0];
  for (const segment of [...segments].reverse())
    node = [Array.isArray(segment) ? [...segment, null] : segment, { children: node }, null, null, 0];
  return encodeURIComponent(JSON.stringify(['', { children: node }, null, null, 16]));
}
export const articleStateTree = (slug: string) => routerStateTree(['(reader)', 'articles', ['slug', slug, 'd']]);
export const moderateStateTree = () => routerStateTree(['(moderation)', 'moderate']);

/** `action(previous state, form)` as a page's useActionState form sends it once hydrated (captured once with
 *  Playwright from a real click): router state and referer included, over a pooled connection. */
export function callFormAction(options: {
  server: AppTarget;
  pagePath: string;
  action: { file: string; exportName: string };
  stateTree: string;
  sessionToken?: string;
  fields: Record<string, string>;
  previousState?: unknown;
  agent?: http.Agent;
  /** Extra request headers (e.g. X-Forwarded-For behind a trusted proxy). */
  headers?: Record<string, string>;
}): Promise<HttpResult> {
  const { server, pagePath } = options;
  const { id } = findAction(options.action.file, options.action.exportName, false, server.distDir);
  return callActionFetch(id, [options.previousState ?? { status: 'idle' }, new FormArg(options.fields)], {
    path: pagePath,
    server,
    sessionToken: options.sessionToken,
    agent: options.agent ?? keepAliveAgent,
    timeoutMs: 60_000,
    headers: {
      'next-router-state-tree': options.stateTree,
      referer: new URL(pagePath, server.url).toString(),
      ...options.headers,
    },
  });
}

export type ActionState = { status: string; message?: string; commentId?: string };

/** The form state a useActionState action returned, or null (a refusal before the action: 429, 403…). */
export function actionState(text: string): ActionState | null {
  const result = actionResult(text) as ActionState | null | undefined;
  return result && typeof result === 'object' && typeof result.status === 'string' ? result : null;
}

/** Posts a comment (a reply with `parentId`) through the real postComment action, as the compose box does: a
 *  fresh idempotency key each time, unless `idempotencyKey` names the one to resend (a retry of the same
 *  submit). `state` is the form state the reader would see, or null. */
export async function postCommentOverHttp(options: {
  server: AppTarget;
  article: { id: string; slug: string };
  sessionToken: string;
  body: string;
  parentId?: string;
  idempotencyKey?: string;
  agent?: http.Agent;
  headers?: Record<string, string>;
}): Promise<HttpResult & { state: ActionState | null }> {
  const { article } = options;
  const response = await callFormAction({
    server: options.server,
    pagePath: `/articles/${article.slug}`,
    action: postCommentEntry,
    stateTree: articleStateTree(article.slug),
    sessionToken: options.sessionToken,
    fields: {
      articleId: article.id,
      ...(options.parentId ? { parentId: options.parentId } : {}),
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      body: options.body,
    },
    agent: options.agent,
    headers: options.headers,
  });
  return { ...response, state: actionState(response.text) };
}

// ── Reading answers ────────────────────────────────────────────────────────────────────────────────────

/** The rows of an RSC (Flight) answer by id: `id:json\n`, or `id:T<hex byte length>,<text>` with no newline. */
export function flightRows(text: string): Map<string, string> {
  const bytes = Buffer.from(text, 'utf8');
  const rows = new Map<string, string>();
  for (let at = 0; at < bytes.length;) {
    const colon = bytes.indexOf(0x3a, at);
    if (colon < 0) break;
    const id = bytes.subarray(at, colon).toString('latin1');
    if (!/^[0-9a-f]*$/.test(id)) {
      const newline = bytes.indexOf(0x0a, at);
      if (newline < 0) break;
      at = newline + 1;
      continue;
    }
    if (bytes[colon + 1] === 0x54 /* T: a text row, length-prefixed */) {
      const comma = bytes.indexOf(0x2c, colon);
      const length = parseInt(bytes.subarray(colon + 2, comma).toString('latin1'), 16);
      if (!rows.has(id)) rows.set(id, bytes.subarray(comma + 1, comma + 1 + length).toString('utf8'));
      at = comma + 1 + length;
      continue;
    }
    const newline = bytes.indexOf(0x0a, colon);
    const end = newline < 0 ? bytes.length : newline;
    if (!rows.has(id)) rows.set(id, bytes.subarray(colon + 1, end).toString('utf8'));
    at = end + 1;
  }
  return rows;
}

/** The action's return value from a fetch-shape (RSC) answer: row 0 is `{"a":"$@1",…}`, the value is row 1. */
export function actionResult(text: string): unknown {
  const rows = flightRows(text);
  try {
    const head = JSON.parse(rows.get('0') ?? 'null') as { a?: unknown } | null;
    if (typeof head?.a !== 'string' || !head.a.startsWith('$@')) return head?.a;
    const row = rows.get(head.a.slice(2));
    if (row === undefined) return undefined;
    if (row.startsWith('E')) return { error: JSON.parse(row.slice(1)) };
    return JSON.parse(row);
  } catch {
    return undefined;
  }
}

const entities: Record<string, string> = {
  '&quot;': '"',
  '&amp;': '&',
  '&lt;': '<',
  '&gt;': '>',
  '&#x27;': "'",
  '&#39;': "'",
};
const decodeEntities = (text: string) => text.replace(/&(?:quot|amp|lt|gt|#x27|#39);/g, (entity) => entities[entity]!);

/** The hidden inputs of the first form in `html` that carries a server action (`$ACTION_…` fields included). */
export function hiddenInputs(html: string): Record<string, string> {
  for (const form of html.matchAll(/<form\b[\s\S]*?<\/form>/g)) {
    if (!form[0].includes('$ACTION_')) continue;
    const fields: Record<string, string> = {};
    for (const input of form[0].matchAll(/<input\b[^>]*>/g)) {
      if (!/type="hidden"/.test(input[0])) continue;
      const name = /name="([^"]*)"/.exec(input[0])?.[1];
      if (name !== undefined)
        fields[decodeEntities(name)] = decodeEntities(/value="([^"]*)"/.exec(input[0])?.[1] ?? '');
    }
    return fields;
  }
  throw new Error('No server-action form on the page');
}
