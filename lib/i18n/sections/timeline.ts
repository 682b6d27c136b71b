// Catalog section: the routes' timeline ("By when?"), shown in the popup's verdict and in the
// in-page card (so it is part of the page catalog too, lib/i18n/page.ts).
export const zhCN = {
  'timeline.title': '各途径的申请期限',
  'timeline.summary': '从付款（{paid}）到 {end}；今天 {today}。',
  'timeline.today': '今天 {date}',
  'timeline.status.open': '可申请',
  'timeline.status.needs-answers': '待确认',
  'timeline.status.closed': '已截止',
  'timeline.status.ruled-out': '不适用',
  'timeline.noEnd': '未给出截止日',
  'timeline.estimated': '（估算）',
  'timeline.item.window': '{label}（{status}）：{from} 至 {to}{estimated}',
  'timeline.item.openEnded': '{label}（{status}）：自 {from} 起，未给出截止日',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'timeline.title': 'When each route closes',
  'timeline.summary': 'From payment ({paid}) to {end}; today is {today}.',
  'timeline.today': 'Today {date}',
  'timeline.status.open': 'open',
  'timeline.status.needs-answers': 'needs answers',
  'timeline.status.closed': 'closed',
  'timeline.status.ruled-out': 'ruled out',
  'timeline.noEnd': 'no end date given',
  'timeline.estimated': ' (estimated)',
  'timeline.item.window': '{label} ({status}): {from} to {to}{estimated}',
  'timeline.item.openEnded': '{label} ({status}): from {from}, no end date given',
};
