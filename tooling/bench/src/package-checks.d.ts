// Types of the size module of @hm-sdk/package-checks, which is JavaScript checked through JSDoc
// and ships no declarations.
declare module '@hm-sdk/package-checks/src/size.js' {
  export interface BrowserBundle {
    label: string;
    specifiers: string[];
    gzipBudgetBytes?: number;
    gzipCeilingBytes?: number;
  }

  export interface BundleSize {
    minifiedBytes: number;
    gzipBytes: number;
    contributions: { source: string; bytes: number }[];
  }

  export const browserBundles: BrowserBundle[];

  export function measureBundle(specifiers: string[], resolveDir: string): Promise<BundleSize>;
}
