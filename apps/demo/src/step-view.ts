import { byId, type Child, h } from './dom.js';
import { describeError } from './errors.js';
import { createRecordingFetch, type HttpExchange } from './http-log.js';

/** The parts every walkthrough step shows: its result, its SDK code and its HTTP exchanges. */
export interface StepView {
  readonly section: HTMLElement;
  /** A fetch for the SDK that lists each exchange under this step. */
  readonly fetch: typeof fetch;
  showResult(...content: Child[]): void;
  showError(error: unknown): void;
  setSnippet(code: string): void;
  clearExchanges(): void;
  /**
   * Runs a step's work unless it is already running, and shows what it throws as an error.
   * The section is marked `aria-busy` meanwhile. Buttons stay enabled, so keyboard focus stays.
   */
  run(task: () => Promise<void>): Promise<void>;
}

function renderHeaders(headers: Array<[string, string]>): string {
  return headers.map(([name, value]) => `${name}: ${value}`).join('\n');
}

function renderExchange(exchange: HttpExchange): HTMLElement {
  const path = new URL(exchange.url).pathname;
  const outcome =
    exchange.status === undefined ? `failed: ${exchange.error ?? 'no response'}` : exchange.status;
  const request = [`${exchange.method} ${exchange.url}`, renderHeaders(exchange.requestHeaders)];
  if (exchange.requestBody) request.push('', exchange.requestBody);
  const response = [`HTTP ${exchange.status ?? '-'}`, renderHeaders(exchange.responseHeaders)];
  if (exchange.responseBody) response.push('', exchange.responseBody);
  return h(
    'li',
    { class: 'exchange' },
    h(
      'details',
      {},
      h('summary', {}, `${exchange.method} ${path} → ${outcome}`),
      h('h4', {}, 'Request'),
      h('pre', { class: 'code' }, request.join('\n')),
      h('h4', {}, 'Response'),
      h('pre', { class: 'code' }, response.join('\n')),
    ),
  );
}

/**
 * Adds the result and error regions, the code panel and the HTTP panel to the step section `id`.
 * Both regions are live regions, so screen readers announce each new result or error. They are
 * siblings because nested live regions get announced twice.
 */
export function createStepView(id: string): StepView {
  const section = byId(id, HTMLElement);
  const result = h('div', { class: 'result', role: 'status', 'aria-live': 'polite' });
  const alert = h('div', { class: 'error', role: 'alert' });
  const code = h('code', {});
  const count = h('span', {}, '0');
  const list = h('ol', { class: 'exchanges' });
  section.append(
    result,
    alert,
    h(
      'details',
      { class: 'panel' },
      h('summary', {}, 'SDK code'),
      h('pre', { class: 'code' }, code),
    ),
    h('details', { class: 'panel' }, h('summary', {}, 'HTTP exchanges (', count, ')'), list),
  );

  const fetch = createRecordingFetch((exchange) => {
    list.append(renderExchange(exchange));
    count.textContent = String(list.childElementCount);
  });

  return {
    section,
    fetch,
    showResult(...content) {
      alert.replaceChildren();
      result.replaceChildren(...content);
    },
    showError(error) {
      const { title, hint, details } = describeError(error);
      result.replaceChildren();
      alert.replaceChildren(
        h('p', { class: 'error-title' }, title),
        h('p', {}, hint),
        ...(details.length > 0 ? [h('ul', {}, ...details.map((line) => h('li', {}, line)))] : []),
      );
    },
    setSnippet(snippet) {
      code.textContent = snippet;
    },
    clearExchanges() {
      list.replaceChildren();
      count.textContent = '0';
    },
    async run(task) {
      if (section.getAttribute('aria-busy') === 'true') return;
      section.setAttribute('aria-busy', 'true');
      try {
        await task();
      } catch (error) {
        this.showError(error);
      } finally {
        section.removeAttribute('aria-busy');
      }
    },
  };
}
