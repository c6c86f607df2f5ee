/** A child for {@link h}: an element, or text that is inserted as a text node (never as HTML). */
export type Child = Node | string;

/**
 * Creates an element with attributes and children. Text goes in as text nodes, so values from
 * the API or the user can never inject markup.
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Record<string, string> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** Returns the element with `id`, and throws when the page has none or it has another type. */
export function byId<T extends HTMLElement>(id: string, type: new () => T): T {
  const element = document.getElementById(id);
  if (!(element instanceof type)) {
    throw new Error(`Missing element #${id} of type ${type.name} in index.html.`);
  }
  return element;
}

/**
 * Enables or disables a step's button. While it is disabled, the paragraph named by its
 * `data-needs` attribute names the earlier step it waits for.
 */
export function setReady(button: HTMLButtonElement, ready: boolean): void {
  button.disabled = !ready;
  const needsId = button.dataset.needs;
  const needs = needsId ? document.getElementById(needsId) : null;
  if (needs) needs.hidden = ready;
}
