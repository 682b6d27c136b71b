/** One picture the demo took, for the contact sheet. */
export interface Shot {
  /** File name inside demo-screenshots/. */
  file: string;
  /** What it shows, in words (zh-CN · en). */
  title: string;
  /** The part of the walk-through it belongs to. */
  section: string;
}

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * demo-screenshots/index.html: every picture by section, each with its file name and what it
 * shows, and at the top any state the demo could not reach. A static page with no script.
 */
export function contactSheet(shots: readonly Shot[], failures: readonly string[]): string {
  const sections = new Map<string, Shot[]>();
  for (const shot of shots) sections.set(shot.section, [...(sections.get(shot.section) ?? []), shot]);
  const body = [...sections]
    .map(
      ([name, list]) =>
        `<section><h2>${escapeHtml(name)} <small>(${list.length})</small></h2><div class="grid">${list
          .map(
            (s) =>
              `<figure><a href="${escapeHtml(encodeURI(s.file))}"><img src="${escapeHtml(encodeURI(s.file))}" alt="${escapeHtml(s.title)}" loading="lazy"></a><figcaption><code>${escapeHtml(s.file)}</code><br>${escapeHtml(s.title)}</figcaption></figure>`,
          )
          .join('')}</div></section>`,
    )
    .join('\n');
  const problems =
    failures.length === 0
      ? ''
      : `<div class="problems" role="alert"><strong>未能展示的状态 · States the demo could not show (${failures.length})</strong><ul>${failures.map((f) => `<li>${escapeHtml(f)}</li>`).join('')}</ul></div>`;
  return `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'; img-src 'self'; style-src 'unsafe-inline'">
<title>退款卫士 · 演示截图 (${shots.length})</title>
<style>
body{font:14px/1.5 system-ui,'Noto Sans CJK SC',sans-serif;margin:24px;color:#1d2733;background:#f5f7fa}
h1{margin:0 0 4px}h2{margin:32px 0 12px;font-size:18px}small{color:#6b7785;font-weight:normal}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(260px,1fr));gap:16px}
figure{margin:0;background:#fff;border:1px solid #dfe3e8;border-radius:6px;overflow:hidden}
figure img{display:block;width:100%;height:200px;object-fit:cover;object-position:top left;border-bottom:1px solid #dfe3e8}
figcaption{padding:8px 10px;font-size:13px}code{font-size:12px;color:#0052d9;word-break:break-all}
.problems{background:#fff4e5;border:1px solid #f0b35a;border-radius:6px;padding:8px 12px;margin:16px 0}
</style></head><body>
<h1>退款卫士 · 演示截图</h1>
<p>${shots.length} 张截图，由 <code>npm run demo -- --headless</code> 生成；点击图片查看原图。 · ${shots.length} screenshots; click one for full size.</p>
${problems}
${body}
</body></html>
`;
}
