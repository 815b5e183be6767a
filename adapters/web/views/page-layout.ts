import { html } from 'hono/html';
import type { HtmlEscapedString } from 'hono/utils/html';
import { DASHBOARD_PATH } from '../../../src/dashboard/dashboard-settings.js';

/** What the HTML helpers give: escaped text, maybe still resolving. */
export type Html = HtmlEscapedString | Promise<HtmlEscapedString>;

/** Every page: the same head (stylesheet, phone viewport), the given header and body. */
export function pageLayout(title: string, header: Html | string, body: Html): Html {
  return html`<!doctype html>
    <html lang="en">
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="referrer" content="no-referrer" />
        <title>${title} · pathbot dashboard</title>
        <link rel="stylesheet" href="${DASHBOARD_PATH}/style.css" />
      </head>
      <body>
        <header>${header}</header>
        <main>${body}</main>
      </body>
    </html>`;
}

/** A page for someone not signed in (or refused): what happened and what to do. */
export function messagePage(title: string, lines: readonly string[], extra?: Html): Html {
  return pageLayout(
    title,
    html`<strong>pathbot dashboard</strong>`,
    html`<h1>${title}</h1>
      ${lines.map((line) => html`<p>${line}</p>`)} ${extra ?? ''}`,
  );
}

/** Chat text with `code` spans (the core's error wording) as HTML: every part escaped, backticks become <code>. */
export function withCode(text: string): Html {
  const parts = text.split('`');
  return html`${parts.map((part, index) => (index % 2 === 1 ? html`<code>${part}</code>` : part))}`;
}
