// <gongji-calculator region="410100" lang="zh-CN" compact></gongji-calculator>
// <gongji-calculator mode="household" lang="zh-CN"></gongji-calculator> shows the household plan.
// One <script type="module" src=".../widget.js"> on any site: the calculator renders in a shadow
// root (no CSS in or out), runs the WebAssembly in the host page, and loads its files next to this
// one.
import { initialState, mountCalculator } from './calculator-ui.js';

const stylesUrl = new URL('./styles.css', import.meta.url).href;
const printStylesUrl = new URL('./print.css', import.meta.url).href;

class GongjiCalculator extends HTMLElement {
  static get observedAttributes() {
    return ['lang', 'region', 'compact'];
  }

  connectedCallback() {
    if (this.shadowRoot) return;
    const shadow = this.attachShadow({ mode: 'open' });
    // Attributes are data: only a 6-digit code and the two known languages are taken.
    const region = /^\d{6}$/.test(this.getAttribute('region') ?? '')
      ? this.getAttribute('region')
      : '110000';
    const lang = this.getAttribute('lang') === 'en' ? 'en' : 'zh-CN';
    // A constructed sheet, not a <style> element: hosts with a strict style-src CSP allow it.
    const reset = new CSSStyleSheet();
    reset.replaceSync(
      ':host { all: initial; display: block; contain: content; } :host([hidden]) { display: none; }',
    );
    shadow.adoptedStyleSheets = [reset];
    const link = document.createElement('link');
    link.rel = 'stylesheet';
    link.href = stylesUrl;
    // The printout's styles (print.css), which the first paint does not wait for.
    const printLink = document.createElement('link');
    printLink.rel = 'stylesheet';
    printLink.media = 'print';
    printLink.href = printStylesUrl;
    const root = document.createElement('div');
    root.className = this.hasAttribute('compact') ? 'widget compact' : 'widget';
    shadow.append(link, printLink, root);
    if (this.getAttribute('mode') === 'household') {
      // The household plan (mode="household"): its own module and styles, loaded only here.
      const planStyles = document.createElement('link');
      planStyles.rel = 'stylesheet';
      planStyles.href = new URL('./household.css', import.meta.url).href;
      shadow.insertBefore(planStyles, root);
      import('./household-app.js').then(({ mountHousehold }) =>
        mountHousehold(root, { pageLevel: false, lang }),
      );
      return;
    }
    this.calculator = mountCalculator(root, { state: initialState({ lang, region }) });
  }

  attributeChangedCallback(name, before, after) {
    if (!this.calculator) return;
    if (name === 'lang') {
      // Against the language shown (or about to be), not the attribute's old value: the user may
      // have switched inside the widget, and the host setting the same value again must switch
      // back.
      const lang = after === 'en' ? 'en' : 'zh-CN';
      if (lang !== this.calculator.wantedLang()) this.calculator.setLang(lang, false);
      return;
    }
    if (before === after) return;
    if (name === 'compact')
      this.shadowRoot.lastElementChild.classList.toggle('compact', after !== null);
    if (name === 'region' && /^\d{6}$/.test(after ?? '')) {
      this.calculator.state.holder.region = after;
      this.calculator.rerender();
    }
  }
}

if (!customElements.get('gongji-calculator'))
  customElements.define('gongji-calculator', GongjiCalculator);
