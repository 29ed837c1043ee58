import type { Os } from './desktop.ts';
import type { Box } from './svg.ts';

/** What an app draws inside the desktop area. */
export interface AppView {
  /** The app's own chrome, in screen coordinates (SVG elements). */
  chrome: string;
  /** Gradients and the like the chrome refers to. */
  defs?: string;
  /** Where the scrollable content shows, in screen coordinates. */
  viewport?: Box;
  /** The scrollable content: at least as big as the viewport. */
  content?: { w: number; h: number; body: string; bg: string; defs?: string };
  /** Lines of the content one of which may be highlighted (current line, selection). */
  lines?: LineBand;
  cursor?: 'arrow' | 'ibeam';
}

export interface LineBand {
  /** Top of the first line in content coordinates. */
  top: number;
  /** Tops of irregularly spaced lines (prose); overrides `top` + i × `height`. */
  tops?: readonly number[];
  height: number;
  count: number;
  x: number;
  w: number;
  rgb: readonly [number, number, number];
  alpha: number;
}

export type AppBuilder = (os: Os, area: Box) => AppView;

export interface AppDef {
  /** The window or application title recorded for the slot. */
  title: string;
  /** The app's name in the desktop bar. */
  appName: string;
  menus?: readonly string[];
  build: AppBuilder;
}
