// The reader edition: what a signed-out reader is served, the HTML Next rendered with its scripts taken out.
//
// Signed-out pages (front page, story, author, policy) are made only of text, links and forms that post
// without JavaScript, so the App Router's runtime (about 135 KB gzip of React and Next before any code of
// ours) buys a reader nothing but client-side navigation. Without it the page is smaller, paints sooner on a
// phone, and runs under `script-src 'none'`. Signed-in readers, moderators and authors never get this edition:
// their compose box, reactions and queues hydrate as usual.
//
// The rule that keeps this safe: anything a signed-out reader sees must work without JavaScript. A page whose
// HTML is not complete without scripts (a Suspense boundary still streaming, which React finishes with an
// inline script) is left as rendered.

/** Markers of HTML that React completes with scripts: a pending boundary or a streamed segment. */
const incompleteWithoutScripts = /<!--\$\?-->|<template\b|\bhidden\s+id="S:/;

const scriptElement = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
const linkElement = /<link\b[^>]*>/gi;

function preloadsScript(tag: string): boolean {
  const rel = /\brel\s*=\s*"([^"]*)"/i.exec(tag)?.[1]?.toLowerCase() ?? '';
  const as = /\bas\s*=\s*"([^"]*)"/i.exec(tag)?.[1]?.toLowerCase() ?? '';
  return rel.split(/\s+/).includes('modulepreload') || (rel.split(/\s+/).includes('preload') && as === 'script');
}

/** The page without scripts or script preloads, or null when it needs its scripts to be complete. */
export function readerEdition(html: string): string | null {
  if (incompleteWithoutScripts.test(html)) return null;
  return html.replace(scriptElement, '').replace(linkElement, (tag) => (preloadsScript(tag) ? '' : tag));
}
