/** A link as written, read: an http(s) URL, or what is wrong with it. */
export type LinkReading = { url: string } | { problem: string };

const HTTP_URL = /^https?:\/\//i;
const SCHEME = /^([a-z][a-z0-9+.-]*):/i;
/** "doc.rust-lang.org/book", "www.w3.org": a host name with a dot, an optional port and path. */
const HOST_AND_PATH = /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}(?::\d+)?(?:[/?#]\S*)?$/i;

/** Reads a link: http(s) URLs as they are, a host without a scheme gets "https://", anything else is a problem. */
export function readLink(text: string): LinkReading {
  const value = text.trim();
  if (HOST_AND_PATH.test(value)) return { url: `https://${value}` };
  if (HTTP_URL.test(value)) {
    return URL.canParse(value) && new URL(value).hostname !== ''
      ? { url: value }
      : { problem: `Link "${value}" is not a valid web address` };
  }
  if (SCHEME.test(value)) return { problem: `Link must be an http(s) URL (got "${value}")` };
  return { problem: `Link "${value}" is not a web address: write a URL, like "https://example.org/page"` };
}

/** True when free text inside a line is meant as a link: a URL, or a host with a path or "www." ("Node.js" is not one). */
export function looksLikeLink(text: string): boolean {
  const value = text.trim();
  return HTTP_URL.test(value) || (HOST_AND_PATH.test(value) && (value.includes('/') || /^www\./i.test(value)));
}
