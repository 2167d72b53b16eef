// A link to another family, pasted into the address bar of a tab that shows one, changes only the
// fragment: the browser keeps the page, which read its family at load, and the next edit would
// write the old family over the new link (walk 49). The page starts again from the link, as in a
// new tab. The pages write their own state with history.replaceState, which fires no hashchange.
export function reloadOnNewLink() {
  addEventListener('hashchange', () => /^#[rh]=/.test(location.hash) && location.reload());
}
