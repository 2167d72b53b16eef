// The switches at the top of each page: 长辈模式 (large type) and the other language. Each page
// redraws itself on a switch and puts focus back on the switch pressed (found again by its id).
import { h } from './dom.js';

/** `t`: the page's texts (elderMode, switchLang, switchLangLabel) in the language shown. */
export function headerTools(t, { lang, elder, onElder, onLang }) {
  return h(
    'div',
    { class: 'header-tools' },
    h(
      'button',
      {
        type: 'button',
        id: 'elder-toggle',
        class: 'lang-toggle',
        'aria-pressed': String(elder),
        onclick: onElder,
      },
      t.elderMode,
    ),
    h(
      'button',
      {
        type: 'button',
        id: 'lang-toggle',
        class: 'lang-toggle',
        lang: lang === 'en' ? 'zh-CN' : 'en',
        'aria-label': t.switchLangLabel,
        onclick: onLang,
      },
      t.switchLang,
    ),
  );
}
