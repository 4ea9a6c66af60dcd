// Where the time goes on the two paths issue 20 is about: a signed-in article page (1,000-comment story) and a
// post. The production server runs under V8's sampling profiler (node --cpu-prof) while this script drives one
// path at a time; then the profile is summed by self time, per frame and per part of the stack (our code, React
// and Next's renderer, Prisma's client and JS query engine, the SQLite driver, Node, the garbage collector).
// The figures are shares of the server's CPU, so they hold on a noisy host where absolute times do not.
//   npx tsx bench/profile.ts [--seconds 10] [--connections 16] [--posters 16] [--top 15]
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { SourceMap } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { seedCrowd } from '../tests/support/crowd';
import { closeDb, openDb } from '../tests/support/db';
import { describeMachine } from '../tests/support/machine';
import { ensureBuild } from '../tests/support/production-build';
import { startServer, type AppServer } from '../tests/support/production-server';
import { resetDatabase } from '../tests/support/reset-db';
import { isMain, numberFlag, root } from '../tests/support/script';
import { cookieHeader, httpGet, postCommentOverHttp } from '../tests/support/server-actions';
import { openSession } from '../tests/support/sessions';
import { sqliteUrl } from './lib/databases';
import { commentText, rng, seedDiscussion } from './lib/discussion';
import { load } from './lib/load';
import { banner } from './lib/util';

type CallFrame = { functionName: string; url: string; lineNumber: number; columnNumber: number };
type ProfileNode = { id: number; callFrame: CallFrame; children?: number[] };
type CpuProfile = { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[]; startTime: number };
/** A stretch of the server's life, in microseconds of the monotonic clock V8 stamps samples with. */
type Window = { fromUs: number; toUs: number };

const nowUs = () => Number(process.hrtime.bigint() / 1000n);

// Next bundles our code, Prisma's client and React into chunks under .next*/server: the chunk's source map
// names the file each sampled position came from.
const sourceMaps = new Map<string, SourceMap | null>();
function originalPosition(frame: CallFrame): { source: string; line: number } | null {
  if (!/\.next[^/]*\/server\//.test(frame.url)) return null;
  const file = frame.url.startsWith('file:') ? fileURLToPath(frame.url) : frame.url;
  if (!sourceMaps.has(file))
    sourceMaps.set(
      file,
      existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : null,
    );
  const entry = sourceMaps.get(file)?.findEntry(frame.lineNumber, frame.columnNumber);
  return entry && 'originalSource' in entry ? { source: entry.originalSource, line: entry.originalLine + 1 } : null;
}

/** The part of the stack a frame belongs to, from the file it came from (through the build's source maps). */
export function partOf(frame: CallFrame): string {
  const url = decodeURIComponent(originalPosition(frame)?.source ?? frame.url);
  if (!url) return frame.functionName.startsWith('(') ? frame.functionName : 'V8 and native code';
  // The only WebAssembly in the server is Prisma's query compiler.
  if (url.startsWith('wasm:') || /@prisma|\/lib\/generated\/|prisma-client|query_engine|query_compiler/.test(url))
    return 'Prisma (client and JS query engine)';
  if (/better-sqlite3|\/pg\/|pg-protocol|adapter-(pg|better-sqlite3)/.test(url)) return 'database driver';
  if (/next-auth|jose|openid|oauth/.test(url)) return 'next-auth (session)';
  if (/react-dom|react-server-dom|\/react\//.test(url)) return 'React (render and Flight)';
  // Next ships React's server renderer inside its own runtime (next-server/app-page*.runtime.prod.js).
  if (/node_modules\/next\/|\[turbopack\]/.test(url)) return 'React and Next (render, Flight, router)';
  if (/\.next[^/]*\/server\//.test(url)) return 'Next build (unmapped)';
  if (url.startsWith('node:') || url.startsWith('internal/')) return 'Node internals';
  if (url.includes('/node_modules/')) return `other packages (${/node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url)?.[1]})`;
  return 'our code (app/, components/, lib/, server.ts)';
}

export type ProfileSummary = {
  totalMs: number;
  parts: { part: string; share: number }[];
  frames: { frame: string; part: string; share: number }[];
};

/** Self time per frame and per part within `window` (start-up excluded), as shares of all but idle time. */
export function summarize(profile: CpuProfile, window: Window, top = 15): ProfileSummary {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const self = new Map<number, number>();
  let at = profile.startTime;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at >= window.fromUs && at <= window.toUs) self.set(id, (self.get(id) ?? 0) + delta);
  });
  const frames = new Map<string, { part: string; us: number }>();
  const parts = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    total += us;
    const part = partOf(frame);
    parts.set(part, (parts.get(part) ?? 0) + us);
    const { source, line } = originalPosition(frame) ?? { source: frame.url, line: frame.lineNumber + 1 };
    const file = source ? source.split('?')[0]!.split('/').slice(-2).join('/') : '';
    const name = `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${line}` : ''}`;
    const entry = frames.get(name) ?? { part, us: 0 };
    entry.us += us;
    frames.set(name, entry);
  }
  const share = (us: number) => Math.round((us / total) * 1000) / 10;
  return {
    totalMs: Math.round(total / 1000),
    parts: [...parts].sort((a, b) => b[1] - a[1]).map(([part, us]) => ({ part, share: share(us) })),
    frames: [...frames]
      .sort((a, b) => b[1].us - a[1].us)
      .slice(0, top)
      .map(([frame, { part, us }]) => ({ frame, part, share: share(us) })),
  };
}

function print(title: string, summary: ProfileSummary) {
  console.log(`\n${title}: ${summary.totalMs} ms of CPU sampled (idle excluded)`);
  console.log('  by part of the stack (self time):');
  for (const { part, share } of summary.parts) console.log(`    ${share.toFixed(1).padStart(5)}%  ${part}`);
  console.log('  top frames (self time):');
  for (const { frame, part, share } of summary.frames)
    console.log(`    ${share.toFixed(1).padStart(5)}%  ${frame}  [${part}]`);
}

/** Runs `drive` against a server started under the profiler and returns the profile it wrote on exit. */
/** Runs `drive` against a server started under the profiler: the profile it wrote on exit, and the window `drive`
 *  measured in. */
async function profiled(
  port: number,
  drive: (server: AppServer) => Promise<Window>,
): Promise<{ profile: CpuProfile; window: Window }> {
  const dir = path.join(root, 'data', `profile-${port}`);
  rmSync(dir, { recursive: true, force: true });
  const server = await startServer({
    port,
    databaseUrl: sqliteUrl,
    nodeFlags: ['--cpu-prof', `--cpu-prof-dir=${dir}`],
  });
  let window: Window;
  try {
    window = await drive(server);
  } finally {
    await server.stop();
  }
  // server.ts runs under tsx, which may start helper processes: the server's own profile is the largest.
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.cpuprofile'))
    .map((file) => readFileSync(path.join(dir, file), 'utf8'))
    .sort((a, b) => b.length - a.length);
  if (!files[0]) throw new Error(`no profile was written to ${dir}`);
  return { profile: JSON.parse(files[0]) as CpuProfile, window };
}

export async function main({ seconds = 10, connections = 16, posters = 16, top = 15 } = {}) {
  banner('CPU profile: a signed-in article page and a post');
  console.log(describeMachine());
  if (!process.env.BENCH_BUILD_CHECKED) await ensureBuild({});

  await resetDatabase(sqliteUrl);
  const db = await openDb(sqliteUrl);
  const article = await seedDiscussion({ total: 1000, topLevel: 250, commenters: 120 });
  const reader = await db.user.findUniqueOrThrow({ where: { email: 'reader@example.com' } });
  const session = await openSession(reader.id);
  const crowd = await seedCrowd({ posters, prefix: 'profiled', slug: 'profiled-posts', note: 'profile: flood' });
  await closeDb();

  const render = await profiled(3360, async ({ url }) => {
    const page = await httpGet(url + article.path, cookieHeader(session));
    if (page.status !== 200 || !page.text.includes('Comment as')) throw new Error('the signed-in page did not render');
    await load('warm-up', url + article.path, { connections, seconds: 2, headers: cookieHeader(session) });
    const fromUs = nowUs();
    const measured = await load('signed-in', url + article.path, {
      connections,
      seconds,
      headers: cookieHeader(session),
    });
    console.log(`signed-in page: ${measured.reqPerSec.toFixed(1)} req/s at ${connections} connections`);
    return { fromUs, toUs: nowUs() };
  });
  print('Signed-in article page', summarize(render.profile, render.window, top));

  const posts = await profiled(3361, async (server) => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: posters + 4 });
    const r = rng(11);
    let count = 0;
    // The first seconds warm the JIT and the connections; only the rest is summed.
    const fromUs = nowUs() + 2_000_000;
    const deadline = Date.now() + (seconds + 2) * 1000;
    let refused = 0;
    await Promise.all(
      crowd.sessions.map(async (sessionToken, poster) => {
        for (let n = 0; Date.now() < deadline; n++) {
          const response = await postCommentOverHttp({
            server,
            article, // the 1,000-comment story
            sessionToken,
            // Unique per poster and post: the duplicate rule would hold the same text from several accounts.
            body: `${commentText(r, false)} [profile ${poster}-${n}]`,
            agent,
          });
          if (response.state?.status === 'done') count++;
          else if (refused++ === 0) console.log(`a post was not accepted: ${response.text.slice(-300)}`);
        }
      }),
    );
    agent.destroy();
    console.log(`posts: ${count} accepted, ${refused} not, in ${seconds + 2} s by ${posters} posters`);
    return { fromUs, toUs: nowUs() };
  });
  print('Posting a comment', summarize(posts.profile, posts.window, top));
}

if (isMain(import.meta.url))
  await main({
    seconds: numberFlag('seconds', 10),
    connections: numberFlag('connections', 16),
    posters: numberFlag('posters', 16),
    top: numberFlag('top', 15),
  });
