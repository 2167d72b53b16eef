// The page's option lists and labels for the enumerations (relations, schemes, kinds, routes, …),
// all from the module's vocabulary (calculator.vocabulary(), policies/vocabulary.json): no list
// of values and no label of one is written by hand in web/.

// An English label in a list or a cell starts with a capital; the vocabulary writes it as it reads
// inside a sentence ("spouse", "flexibly employed").
export function capitalised(text, lang) {
  return lang === 'en' && text ? text[0].toUpperCase() + text.slice(1) : text;
}

/**
 * The words of one language: `options(key)` gives [[id, label], …] in the vocabulary's order,
 * `ids(key)` the ids, `label(key, id, form)` one label (the id itself if unknown), and maps of
 * labels by id under the names the page's texts use.
 */
export function vocabularyWords(vocabulary, lang) {
  const label = (key, id, form = 'label') => {
    const value = vocabulary[key]?.values.find((v) => v.id === id);
    return value ? capitalised(value[form][lang], lang) : id;
  };
  const labels = (key, form = 'label', inText = false) =>
    Object.fromEntries(
      vocabulary[key].values.map((v) => [
        v.id,
        inText ? v[form][lang] : capitalised(v[form][lang], lang),
      ]),
    );
  return {
    ids: (key) => vocabulary[key].values.map((v) => v.id),
    options: (key) => vocabulary[key].values.map((v) => [v.id, capitalised(v.label[lang], lang)]),
    label,
    schemes: labels('scheme'),
    statuses: labels('status'),
    relations: labels('relation'),
    // A relative named inside a sentence, as the answer's own sentences do: 您的配偶, your spouse.
    relationsInText: labels('relation', 'person', true),
    kinds: labels('expense_kind'),
    routes: labels('route'),
    roles: labels('role'),
    sexes: labels('sex'),
    coverage: labels('coverage'),
    // Under the region chosen: whose rules are used, with {place} to fill.
    coverageNote: labels('coverage', 'note'),
    // Shown after a source's date ("2024 · official"), so as the vocabulary writes it.
    reliability: Object.fromEntries(
      vocabulary.reliability.values.map((v) => [v.id, v.label[lang]]),
    ),
    tierName: (tier) => label('tier', tier),
  };
}
