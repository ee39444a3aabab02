/**
 * The Fluent 2 look: Microsoft's design tokens (colours, type, radii) as CSS custom properties, so
 * the pane's native controls look like Office while staying plain, accessible HTML.
 */
import { webLightTheme } from "@fluentui/tokens";

export function applyFluentTheme(root: HTMLElement = document.documentElement): void {
  for (const [name, value] of Object.entries(webLightTheme)) root.style.setProperty(`--${name}`, String(value));
}
