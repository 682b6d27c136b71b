import { describe, expect, it } from 'vitest';
import { contactSheet } from '../../scripts/demo-sheet';

describe('the demo contact sheet', () => {
  const shots = [
    { file: 'card-first-shown.png', title: '首次显示 · as first shown', section: '卡片' },
    { file: 'sla-month.png', title: 'SLA <month>', section: 'SLA' },
    { file: 'card-collapsed.png', title: '收起', section: '卡片' },
  ];

  it('names every picture and groups them by section in the order they were taken', () => {
    const html = contactSheet(shots, []);
    for (const shot of shots) expect(html).toContain(`<img src="${shot.file}"`);
    expect(html).toContain('<code>card-collapsed.png</code>');
    expect(html.indexOf('卡片 <small>(2)</small>')).toBeLessThan(html.indexOf('SLA <small>(1)</small>'));
    expect(html).not.toContain('role="alert"');
  });

  it('escapes what it shows and lists the states it could not reach', () => {
    const html = contactSheet(shots, ['refusal: <button> not found']);
    expect(html).toContain('SLA &#60;month&#62;');
    expect(html).not.toContain('<month>');
    expect(html).toContain('role="alert"');
    expect(html).toContain('refusal: &#60;button&#62; not found');
  });
});
