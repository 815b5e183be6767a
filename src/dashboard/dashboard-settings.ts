/** Where the dashboard is reached and what signs its links (DASHBOARD_URL, DASHBOARD_SECRET). */
export interface DashboardSettings {
  /** The public base URL, e.g. https://bot.example.com; the pages live under /dashboard there. */
  baseUrl: string;
  secret: string;
}

/** Every dashboard page and form is under this path of the bot's HTTP server. */
export const DASHBOARD_PATH = '/dashboard';

/** The sign-in page a link opens (a GET shows "Continue"; only the POST it makes uses the link up). */
export function signInUrl(settings: DashboardSettings, token: string): string {
  return `${settings.baseUrl.replace(/\/+$/, '')}${DASHBOARD_PATH}/sign-in?token=${encodeURIComponent(token)}`;
}
