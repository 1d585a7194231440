import type { Report } from '../types.ts';

export interface RenderContext {
  /** ANSI colours; only the text format uses them. */
  color: boolean;
  /** Terminal width, to keep code frames from wrapping. */
  width?: number;
  /** Overrides `report.tool.version` where a format names the tool. */
  toolVersion?: string;
}

/** One output format. `render` receives a report that is already redacted. */
export interface Reporter {
  name: string;
  render(report: Report, ctx: RenderContext): string;
}
