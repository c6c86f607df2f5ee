/**
 * Preloaded with `--import` into a child whose memory a benchmark measures: prints the peak
 * resident set size of the process (getrusage maxrss, in KiB) as the last line on stderr.
 */
export const maxRssMarker = 'hm-bench-max-rss-kib';

process.on('exit', () => {
  process.stderr.write(`\n${maxRssMarker} ${process.resourceUsage().maxRSS}\n`);
});
