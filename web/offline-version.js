// The offline copy's versions (sw.js): a tab opened under an old version reloads when a new one
// takes over, whether this tab or another accepted it, since the old version's files go with its
// cache, among them the parts a page loads only when first needed (walk 45's review). A first
// install only takes control, unless this tab asked for it (`accepted`).

/** Reloads the page when a new version of the offline copy takes it over. */
export function reloadOnNewVersion(accepted = () => false) {
  if (!('serviceWorker' in navigator)) return;
  const hadVersion = Boolean(navigator.serviceWorker.controller);
  let reloading = false;
  navigator.serviceWorker.addEventListener('controllerchange', () => {
    if (reloading || !(accepted() || hadVersion)) return;
    reloading = true;
    location.reload();
  });
}
