// The page's first paint, written into index.html at build time from the same texts the UI uses:
// the header the calculator draws (so the largest text is on screen before any script runs) and
// the loading line. The calculator replaces it when it mounts.
const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

export function pageShell(t, lang) {
  const other = lang === 'en' ? 'zh-CN' : 'en';
  return (
    `<div class="gongji-app" lang="${lang}"><header class="site-header"><div>` +
    `<h1 id="title">${escapeHtml(t.title)}</h1><p id="tagline" class="tagline">${escapeHtml(t.tagline)}</p></div>` +
    `<div class="header-tools"><button type="button" id="elder-toggle" class="lang-toggle" aria-pressed="false" disabled>${escapeHtml(t.elderMode)}</button>` +
    `<button type="button" id="lang-toggle" class="lang-toggle" lang="${other}" aria-label="${escapeHtml(t.switchLangLabel)}" disabled>${escapeHtml(t.switchLang)}</button></div></header>` +
    `<main class="layout"><p class="loading">${escapeHtml(t.waiting)}</p></main></div>`
  );
}
