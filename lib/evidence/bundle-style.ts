/**
 * The style of the bundle's index.html, one line per rule group: data only, so the worker's build
 * ships it in its data file (build/worker-data-modules.ts); bundle.ts joins it when it writes the page.
 */
export const BUNDLE_INDEX_STYLE: readonly string[] = [
  'body{font:14px/1.5 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:24px auto;max-width:1000px;padding:0 16px;color:#1f2329}',
  'table{border-collapse:collapse;width:100%;margin:8px 0}th,td{border:1px solid #dee0e3;padding:4px 8px;text-align:left;vertical-align:top}',
  'th{background:#f5f6f7;width:28%}code,.hash{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}',
  'section{border:1px solid #dee0e3;border-radius:8px;padding:12px 16px;margin:16px 0}img{max-width:100%;border:1px solid #dee0e3}',
  'pre{white-space:pre-wrap;word-break:break-word;background:#f5f6f7;padding:8px;max-height:480px;overflow:auto}.muted{color:#646a73}',
];
