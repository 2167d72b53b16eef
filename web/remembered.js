// What this device keeps, and only once the person asked (记住 on index.html): the family, whether
// its date was chosen, and 长辈模式. The household page reads and updates the same 长辈模式 choice,
// so large type follows the person from one page to the other, and keeps its own household only
// where asked (its own 记住, walk 60: the longest form was lost on every visit).
export const STORAGE_KEY = 'gongji.family.v1';

/** { request, dateChosen, elder } as kept (earlier versions kept the bare request), or null. */
export function keptFamily() {
  try {
    const kept = JSON.parse(localStorage.getItem(STORAGE_KEY) ?? 'null');
    if (!kept || typeof kept !== 'object') return null;
    const {
      request,
      dateChosen = false,
      elder = false,
    } = 'request' in kept ? kept : { request: kept };
    if (!request || typeof request !== 'object') return null;
    return { request, dateChosen: dateChosen === true, elder: elder === true };
  } catch {
    return null;
  }
}

export function keepFamily(family) {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(family));
  } catch {
    /* storage full or blocked */
  }
}

export function forgetFamily() {
  localStorage.removeItem(STORAGE_KEY);
}

/** 长辈模式 as kept: off where nothing is kept. */
export const keptElder = () => keptFamily()?.elder ?? false;

/** Keeps a change of 长辈模式, where the person has asked for their family to be kept. */
export function keepElder(elder) {
  const kept = keptFamily();
  if (kept) keepFamily({ ...kept, elder });
}

export const HOUSEHOLD_KEY = 'gongji.household.v1';

/** The household request kept by the household page's 记住, or null. */
export function keptHousehold() {
  try {
    const kept = JSON.parse(localStorage.getItem(HOUSEHOLD_KEY) ?? 'null');
    return kept && typeof kept === 'object' ? kept : null;
  } catch {
    return null;
  }
}

export function keepHousehold(request) {
  try {
    localStorage.setItem(HOUSEHOLD_KEY, JSON.stringify(request));
  } catch {
    /* storage full or blocked */
  }
}

export function forgetHousehold() {
  localStorage.removeItem(HOUSEHOLD_KEY);
}
