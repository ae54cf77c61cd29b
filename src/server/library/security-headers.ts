/**
 * Security headers on every response of the pane server (src/server/app.ts) and the standalone
 * library server (src/server/library/server.ts): a Content-Security-Policy and
 * `X-Content-Type-Options: nosniff`.
 *
 * Pages (text/html) get PAGE_POLICY: scripts only from this server (the built pane and the local
 * office.js; appsforoffice.microsoft.com for what office.js may fetch from Microsoft inside
 * Office), never inline; no plugins; framed only by this server and Office on the web. Every
 * other response (API JSON, .docx, images, scripts) gets RESOURCE_POLICY, which lets nothing
 * load or run should a browser ever render it as a page.
 * It lives here, not in src/server, because the library server may not import src/server.
 */
import type { FastifyInstance } from "fastify";

/** Office on the web hosts the pane in an iframe on these origins. */
const OFFICE_FRAME_ANCESTORS = [
  "https://*.officeapps.live.com",
  "https://*.office.com",
  "https://*.office365.com",
  "https://*.microsoft.com",
];

export const PAGE_POLICY = [
  "default-src 'self'",
  "script-src 'self' https://appsforoffice.microsoft.com",
  // Fluent UI (griffel), taskpane.html and docx-preview's page styles are <style> elements.
  "style-src 'self' 'unsafe-inline'",
  // docx-preview draws a document's images and fonts from blob: URLs (data: when asked).
  "img-src 'self' data: blob:",
  "font-src 'self' data: blob:",
  // The template library may be another server than the one that serves the pane (its URL is
  // the user's choice in 模板); script-src, not connect-src, is what keeps documents out.
  "connect-src 'self' https: http:",
  "frame-src 'self' https://*.officeapps.live.com https://*.office.com",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  `frame-ancestors 'self' ${OFFICE_FRAME_ANCESTORS.join(" ")}`,
].join("; ");

/** Pages outside Office (standalone.html, dashboard.html): the same without Microsoft's host. */
export const LOCAL_PAGE_POLICY = PAGE_POLICY.replace(
  "script-src 'self' https://appsforoffice.microsoft.com",
  "script-src 'self'",
);

export const RESOURCE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

function isHtml(contentType: unknown): boolean {
  const value = Array.isArray(contentType) ? contentType.join(",") : String(contentType ?? "");
  return /^\s*text\/html\b/i.test(value);
}

/** Adds the headers to every response of `app` (call before registering routes and plugins). */
export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook("onSend", async (request, reply, payload) => {
    reply.header("x-content-type-options", "nosniff");
    // A 304 for a revalidated page has no content type, but the browser takes its headers over
    // into the cached page: it must carry the page's policy, or a reload of the pane (its HTML
    // is always revalidated) would block every script.
    const page =
      isHtml(reply.getHeader("content-type")) ||
      (reply.statusCode === 304 && /\.html?$/i.test(request.url.split("?")[0] ?? ""));
    // Only the add-in page (inside Office) may load what office.js fetches from Microsoft; the
    // standalone page and the dashboard run without office.js and load scripts from here only.
    // The add-in's pages: the pane and its preview dialog (both load office.js).
    const addin = /\/(?:taskpane|preview-dialog)\.html?$/i.test(request.url.split("?")[0] ?? "");
    reply.header(
      "content-security-policy",
      page ? (addin ? PAGE_POLICY : LOCAL_PAGE_POLICY) : RESOURCE_POLICY,
    );
    return payload;
  });
}
