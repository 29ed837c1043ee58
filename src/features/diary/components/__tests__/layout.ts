// jsdom lays nothing out: every element measures 0×0, there is no ResizeObserver, and neither
// the window nor an element scrolls (scrollTo is missing or only logs). The diary grid and
// the review list are virtualized: they put in the DOM only the rows that a size and a scroll
// offset say are on screen, so with jsdom's zeros they would show nothing (the review list) or
// lay the week out for a 280-px phone (the grid). Tests give them the few numbers a browser
// would, and no more:
// - the sizes of the elements the components themselves read (the grid's list width, the
//   review list's box height, an option's height), matched by CSS selector, and for those
//   the height of their content (how far they scroll);
// - scrolling that moves the offset and fires `scroll`, as a browser does after scrollTo;
// - a ResizeObserver that never calls back: nothing is ever resized here.
// The window keeps jsdom's 1024×768.
import { afterEach } from 'vitest';

type Size = { width?: number; height?: number };
type Dimension = 'clientWidth' | 'clientHeight' | 'offsetWidth' | 'offsetHeight';

const DIMENSIONS: [Dimension, keyof Size][] = [
  ['clientWidth', 'width'],
  ['clientHeight', 'height'],
  ['offsetWidth', 'width'],
  ['offsetHeight', 'height'],
];

let sizes: [selector: string, size: Size][] = [];

for (const [dimension, side] of DIMENSIONS) {
  const jsdom = Object.getOwnPropertyDescriptor(HTMLElement.prototype, dimension) ?? Object.getOwnPropertyDescriptor(Element.prototype, dimension);
  Object.defineProperty(HTMLElement.prototype, dimension, {
    configurable: true,
    get(this: HTMLElement) {
      const size = sizes.find(([selector]) => this.matches(selector))?.[1][side];
      return size ?? (jsdom?.get?.call(this) as number | undefined) ?? 0;
    },
  });
}

// A laid-out element's content is as tall as its children: what a virtualizer sets as its inner
// element's height. It bounds how far the element scrolls.
const jsdomScrollHeight = Object.getOwnPropertyDescriptor(Element.prototype, 'scrollHeight');
Object.defineProperty(HTMLElement.prototype, 'scrollHeight', {
  configurable: true,
  get(this: HTMLElement) {
    if (!sizes.some(([selector]) => this.matches(selector))) return (jsdomScrollHeight?.get?.call(this) as number | undefined) ?? 0;
    let content = 0;
    for (const child of this.children) content += parseFloat((child as HTMLElement).style.height) || (child as HTMLElement).offsetHeight;
    return Math.max(this.clientHeight, content);
  },
});

/** Elements matching a selector measure as given (the first matching selector wins). */
export function layOut(given: Record<string, Size>) {
  sizes = Object.entries(given);
}

globalThis.ResizeObserver ??= class {
  observe() {}
  unobserve() {}
  disconnect() {}
};

function scrollTarget(options: ScrollToOptions | number | undefined, y?: number) {
  return typeof options === 'number' ? (y ?? 0) : (options?.top ?? 0);
}

window.scrollTo = ((options?: ScrollToOptions | number, y?: number) => {
  (window as { scrollY: number }).scrollY = Math.max(0, scrollTarget(options, y));
  window.dispatchEvent(new Event('scroll'));
}) as typeof window.scrollTo;

Element.prototype.scrollTo = function scrollTo(this: Element, options?: ScrollToOptions | number, y?: number) {
  this.scrollTop = Math.max(0, scrollTarget(options, y));
  this.dispatchEvent(new Event('scroll'));
} as typeof Element.prototype.scrollTo;

afterEach(() => {
  sizes = [];
  (window as { scrollY: number }).scrollY = 0;
});
