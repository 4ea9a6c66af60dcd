// Calling the app's server actions over HTTP exactly as the browser's JavaScript does (captured once with
// Playwright from a real click on "Post comment" / "Approve"): a POST to the page's URL with the
// `Next-Action` header naming the action, `Accept: text/x-component`, the router state tree, and a
// multipart body in React's reply encoding — field "0" holds the arguments ([previous state, "$K1"]) and
// the form's fields follow with the "_1_" prefix. The action id comes from the build's server reference
// manifest, the same id the rendered page hands the browser.
import { randomBytes, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { distDir } from './build';
import { root } from './util';

type Manifest = { node: Record<string, { exportedName?: string; filename?: string }> };

let manifest: Manifest | undefined;
export function actionId(exportedName: string, fileSuffix: string): string {
  manifest ??= JSON.parse(
    readFileSync(path.join(root, distDir, 'server', 'server-reference-manifest.json'), 'utf8'),
  ) as Manifest;
  const found = Object.entries(manifest.node).find(
    ([, entry]) => entry.exportedName === exportedName && entry.filename?.endsWith(fileSuffix),
  );
  if (!found) throw new Error(`server action ${exportedName} (${fileSuffix}) is not in the build's manifest`);
  return found[0];
}

export const postCommentId = () => actionId('postCommentAction', 'articles/[slug]/actions.ts');
export const decideActionId = () => actionId('decideAction', 'moderate/actions.ts');

/** The Next-Router-State-Tree header the browser sends from a page (route groups and dynamic segments spelled out). */
export function routerStateTree(segments: (string | [string, string, string])[]): string {
  let node: unknown = ['__PAGE__', {}, null, null, 0];
  for (const segment of [...segments].reverse())
    node = [Array.isArray(segment) ? [...segment, null] : segment, { children: node }, null, null, 0];
  return encodeURIComponent(JSON.stringify(['', { children: node }, null, null, 16]));
}
export const articleStateTree = (slug: string) => routerStateTree(['(reader)', 'articles', ['slug', slug, 'd']]);
export const moderateStateTree = () => routerStateTree(['(moderation)', 'moderate']);

export function multipart(fields: [string, string][]): { body: Buffer; contentType: string } {
  const boundary = `----BenchFormBoundary${randomBytes(8).toString('hex')}`;
  const parts = fields.map(
    ([name, value]) => `--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
  );
  return {
    body: Buffer.from(`${parts.join('')}--${boundary}--\r\n`),
    contentType: `multipart/form-data; boundary=${boundary}`,
  };
}

export type ActionResponse = { status: number; ms: number; body: string; receivedAt: number };

export const keepAliveAgent = new http.Agent({ keepAlive: true, maxSockets: 512 });

/** One server action call with a useActionState form's arguments: (previous state, form data). */
export function callFormAction(options: {
  baseUrl: string;
  pagePath: string;
  actionId: string;
  stateTree: string;
  cookie: string;
  fields: Record<string, string>;
  previousState?: unknown;
  agent?: http.Agent;
  /** Extra request headers (e.g. X-Forwarded-For behind a trusted proxy). */
  headers?: Record<string, string>;
}): Promise<ActionResponse> {
  const { body, contentType } = multipart([
    ...Object.entries(options.fields).map(([name, value]) => [`_1_${name}`, value] as [string, string]),
    ['0', JSON.stringify([options.previousState ?? { status: 'idle' }, '$K1'])],
  ]);
  const url = new URL(options.pagePath, options.baseUrl);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      {
        method: 'POST',
        agent: options.agent ?? keepAliveAgent,
        headers: {
          accept: 'text/x-component',
          'next-action': options.actionId,
          'next-router-state-tree': options.stateTree,
          'content-type': contentType,
          'content-length': String(body.length),
          origin: options.baseUrl,
          referer: url.toString(),
          cookie: options.cookie,
          ...options.headers,
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('end', () => {
          const receivedAt = performance.now();
          resolve({
            status: response.statusCode ?? 0,
            ms: receivedAt - started,
            body: Buffer.concat(chunks).toString('utf8'),
            receivedAt,
          });
        });
        response.on('error', reject);
      },
    );
    request.setTimeout(60_000, () => request.destroy(new Error('action timed out after 60 s')));
    request.on('error', reject);
    request.end(body);
  });
}

/** Posts a comment (a reply with `parentId`) through the real postCommentAction, as the compose box does: a
 *  fresh idempotency key each time, unless `idempotencyKey` names the one to resend (a retry of the same
 *  submit). `state` is the form state the reader would see, or null. */
export async function postCommentOverHttp(options: {
  baseUrl: string;
  article: { id: string; slug: string };
  cookie: string;
  body: string;
  parentId?: string;
  idempotencyKey?: string;
  agent?: http.Agent;
  headers?: Record<string, string>;
}): Promise<ActionResponse & { state: ActionState | null }> {
  const { article } = options;
  const response = await callFormAction({
    baseUrl: options.baseUrl,
    pagePath: `/articles/${article.slug}`,
    actionId: postCommentId(),
    stateTree: articleStateTree(article.slug),
    cookie: options.cookie,
    fields: {
      articleId: article.id,
      ...(options.parentId ? { parentId: options.parentId } : {}),
      idempotencyKey: options.idempotencyKey ?? randomUUID(),
      body: options.body,
    },
    agent: options.agent,
    headers: options.headers,
  });
  return { ...response, state: actionState(response.body) };
}

/** A plain GET with the given headers (no Accept-Encoding: identity bytes). */
export function get(
  url: string,
  headers: Record<string, string> = {},
  agent: http.Agent = keepAliveAgent,
): Promise<{ status: number; body: string; headers: http.IncomingHttpHeaders }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { agent, headers }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          body: Buffer.concat(chunks).toString('utf8'),
          headers: response.headers,
        }),
      );
      response.on('error', reject);
    });
    request.setTimeout(60_000, () => request.destroy(new Error('GET timed out after 60 s')));
    request.on('error', reject);
  });
}

export type ActionState = { status: string; message?: string; commentId?: string };

/** The state a useActionState form's action returned, read from its RSC answer (row 1), or null. */
export function actionState(body: string): ActionState | null {
  const state = /(?:^|\n)1:(\{"status".*)/.exec(body)?.[1];
  return state ? (JSON.parse(state) as ActionState) : null;
}
