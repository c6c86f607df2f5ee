// Types of the size module of @hm-sdk/package-checks, which is JavaScript checked through JSDoc
// and ships no declarations.
declare module '@hm-sdk/package-checks/src/size.js' {
  export interface BrowserBundle {
    label: string;
    specifiers: string[];
    gzipBudgetBytes?: number;
  }

  export interface Contribution {
    source: string;
    bytes: number;
  }

  export interface ChunkSize {
    label: string;
    minifiedBytes: number;
    gzipBytes: number;
    contributions: Contribution[];
  }

  export interface BundleSize {
    minifiedBytes: number;
    gzipBytes: number;
    contributions: Contribution[];
    onDemand: ChunkSize[];
    totalGzipBytes: number;
  }

  export const browserBundles: BrowserBundle[];

  export function measureBundle(specifiers: string[], resolveDir: string): Promise<BundleSize>;
}
