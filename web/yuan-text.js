// A fen amount as the form's yuan text: for a family read from a link or remembered (share.js),
// and one brought from the calculator to the household page.

/** 300050 -> "3000.50", 300000 -> "3000": the form's yuan text for a fen amount. */
export function fenToYuanText(fen) {
  if (!Number.isSafeInteger(fen) || fen < 0) return '';
  const cents = fen % 100;
  return cents === 0
    ? String(Math.trunc(fen / 100))
    : `${Math.trunc(fen / 100)}.${String(cents).padStart(2, '0')}`;
}
