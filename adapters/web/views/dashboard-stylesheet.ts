/** The dashboard's one stylesheet: readable on a phone, no web fonts, no script. Served at /dashboard/style.css. */
export const DASHBOARD_STYLESHEET = `
:root { color-scheme: light dark; --accent: #2f6fde; --muted: #667085; --line: #d0d5dd; --warn: #c4320a; --card: #f6f7f9; }
@media (prefers-color-scheme: dark) { :root { --muted: #98a2b3; --line: #344054; --card: #1d2433; } }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
header, main, footer { max-width: 60rem; margin: 0 auto; padding: 0.75rem 1rem; }
header { display: flex; flex-wrap: wrap; gap: 0.5rem 1.5rem; align-items: center; border-bottom: 1px solid var(--line); }
header strong { font-size: 1.1rem; }
nav ul { display: flex; flex-wrap: wrap; gap: 0.25rem 1rem; list-style: none; margin: 0; padding: 0; }
nav a[aria-current="page"] { font-weight: 700; text-decoration: none; }
a { color: var(--accent); }
h1 { font-size: 1.5rem; margin: 0.5rem 0 1rem; }
h2 { font-size: 1.15rem; margin: 1.5rem 0 0.5rem; }
.paths { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(10rem, 1fr)); gap: 0.75rem; }
.card { background: var(--card); border-radius: 0.5rem; padding: 0.75rem 1rem; }
.card .figure { display: block; font-size: 1.8rem; font-weight: 700; }
.card .label { color: var(--muted); }
.table { overflow-x: auto; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 0.4rem 0.5rem; border-bottom: 1px solid var(--line); vertical-align: top; }
td.n, th.n { text-align: right; font-variant-numeric: tabular-nums; }
tr.drop td { background: color-mix(in srgb, var(--warn) 14%, transparent); }
.note { color: var(--muted); }
.alert { border-left: 4px solid var(--warn); padding: 0.5rem 0.75rem; background: var(--card); }
.ok { border-left: 4px solid #12b76a; padding: 0.5rem 0.75rem; background: var(--card); }
progress { width: 100%; max-width: 12rem; }
svg.chart { width: 100%; height: auto; }
svg.chart text { font-size: 12px; fill: currentColor; }
svg.chart .reached { fill: color-mix(in srgb, var(--accent) 35%, transparent); }
svg.chart .done { fill: var(--accent); }
svg.chart .drop { fill: var(--warn); }
form.settings { display: grid; gap: 1rem; max-width: 32rem; }
label { display: grid; gap: 0.25rem; font-weight: 600; }
label small { font-weight: 400; color: var(--muted); }
input { font: inherit; font-weight: 400; padding: 0.45rem 0.6rem; border: 1px solid var(--line); border-radius: 0.375rem; }
input[aria-invalid="true"] { border-color: var(--warn); }
.error { color: var(--warn); font-weight: 400; }
button { font: inherit; padding: 0.5rem 1rem; border-radius: 0.375rem; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.link { background: none; color: var(--accent); border: none; padding: 0; text-decoration: underline; }
.pager { display: flex; gap: 1rem; align-items: center; margin-top: 0.75rem; }
`;
