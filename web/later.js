// What the page does later than its first answer: a module (or any download) loaded once, when
// first needed, and asked for again after a failure; and work left for an idle moment.

/** `load()` called once and its promise kept; a failed one is forgotten, and tried again. */
export function once(load) {
  let loading;
  return () => {
    loading ??= load().catch((error) => {
      loading = undefined;
      throw error;
    });
    return loading;
  };
}

/** `task` when the page is idle (at most 2 s on), or soon where there is no idle callback. */
export const whenIdle = (task) =>
  globalThis.requestIdleCallback
    ? requestIdleCallback(task, { timeout: 2000 })
    : setTimeout(task, 200);
