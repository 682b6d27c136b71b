// Catalog section: the admin command line's words (lib/claims/cli.ts, `npm run claims`): usage, help, errors and the
// readable summaries. Only the command line shows them, so no extension page or worker carries them: they are not part of
// the extension's catalog (lib/i18n/zh-CN.ts) and are read through lib/i18n/cli.ts.
export const zhCN = {
  'cli.usage': `用法：npm run claims -- <命令> [选项]

命令：
  check  <facts.json> [--now <ISO>]                      → 判断结论：首选途径、全部途径、期限和待答问题
  sla    --service exmail|cvm --month YYYY-MM --outages <故障.csv|故障.json>
         [--fee <月费> | --prepaid <金额>/<月数>] [--vouchers <代金券抵扣金额>]
         [--service-start <ISO>] [--service-end <ISO>] [--commitment <id>]
                                                         → 当月可用性、赔偿档位、代金券和申请窗口
  ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>]
                                                         → 工单草稿
  pack   <pack.json>                                     → 检查自定义规则包
  help   [check|sla|ticket|pack]                         → 命令说明（help check 说明事实文件并给出示例）

通用选项：
  --locale zh-CN|en             输出语言（默认 zh-CN），错误信息也用这种语言
  --json                        输出 JSON 而不是可读摘要
  --holidays <overrides.json>   各年节假日安排：[{ "year", "holidays": [...], "workdays": [...] }]
  --packs <packs.json>          check / ticket 使用的自定义规则包（数组）
日期按北京时间（Asia/Shanghai）；不带时区的时间按北京时间读取。`,
  'cli.help.check': `npm run claims -- check <facts.json> [--now <ISO>] [--locale zh-CN|en] [--json] [--packs <packs.json>] [--holidays <file>]

事实文件是一个 JSON 对象，描述这笔订单和你的情况。只有 vendor 和 purchasedAt 必填；
没给的事实就是“未知”，不会被猜测——结论会说明还需要回答哪些问题。

  vendor         {vendors}，或自定义规则包的 id
  purchasedAt    购买 / 支付时间（ISO，例如 2026-12-04T15:00:00+08:00）
  deliveredAt    交付 / 开通时间；downloadedAt 下载时间（快连体验期从下载起算）
  channel        official | reseller | app-store | google-play（默认 official）
  reason         changed-mind | dissatisfied | outage | wrong-plan | duplicate-charge | wrong-amount |
                 invoice-error | incompatible | defect | not-as-described | user-error
  billing        prepaid | pay-as-you-go；renewal、convertedFromPayAsYouGo、firstNoReasonRefundUsed（true/false）
  activated      企业邮箱是否已启用；promoNonRefundable 活动是否写明不退款
  outageCause    vendor | force-majeure | user-side | dns-misconfiguration；outageHours、outageMonth（YYYY-MM）
  resellerPromise  { "days": 7, "written": true }，没有承诺时为 false
  amountPaid     实付金额（已扣除代金券）；amountPaidWithVouchers 代金券抵扣部分；termMonths 购买月数
  payAsYouGoHourlyPrice  CVM 同配置按量计费单价（元/小时），用于估算普通自助退还金额
  orderId、product、account、contact  用于工单草稿

示例（facts.json）：
{example}

npm run claims -- check facts.json --now 2026-12-06T10:00:00+08:00`,
  'cli.help.sla': `npm run claims -- sla --service exmail|cvm --month YYYY-MM --outages <故障.csv|故障.json> [--fee <月费> | --prepaid <金额>/<月数>] [--json]

故障 CSV：首行为表头 "start,end[,excluded][,note]"，每行一次故障。
故障 JSON：[{ "start", "end", "excluded"?, "note"? }] 或 { "outages": [...] }。
excluded 为 SLA 的免责代码（如 notified-maintenance），或 other 并在 note 中写明原因。`,
  'cli.help.ticket': `npm run claims -- ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>] [--json]

用与 check 相同的事实文件（见 help check），生成工单 / 邮件草稿：标题、分类、描述、附件清单。
--target 12315 或 heimao 在商家拒绝后生成投诉草稿。`,
  'cli.help.pack': `npm run claims -- pack <pack.json> [--json]

检查自定义规则包（与内置规则包同一套 schema），列出每个问题及其位置。`,
  'cli.errorPrefix': '错误：',
  'cli.error.unknownOption': '未知选项 --{name}',
  'cli.error.needsValue': '--{name} 需要一个值',
  'cli.error.cannotRead': '无法读取{what}文件“{path}”：{reason}',
  'cli.error.notJson': '{what}文件“{path}”不是有效的 JSON：{reason}',
  'cli.error.csvEmpty': '故障 CSV 是空的：第一行应为表头 "start,end[,excluded][,note]"',
  'cli.error.csvUnknown': '故障 CSV 有未知的列：{columns}（可用：{allowed}）',
  'cli.error.csvHeader': '故障 CSV 的表头必须包含 "start" 和 "end" 两列',
  'cli.error.csvRow': '故障 CSV 第 {row} 行：有 {cells} 个字段，但表头只有 {columns} 列',
  'cli.error.number': '--{name} 应为 ≥ 0 的数字，实际为“{raw}”',
  'cli.error.locale': '--locale 应为 zh-CN 或 en，实际为“{value}”',
  'cli.error.slaNeeds': 'sla 需要 --{name}',
  'cli.error.outageArray': '故障文件“{path}”应包含故障数组（或 { "outages": [...] }）',
  'cli.error.prepaid': '--prepaid 应形如 <金额>/<月数>，例如 1200/12，实际为“{value}”',
  'cli.error.needsFacts': '{command} 需要一个事实文件：npm run claims -- {command} facts.json（见 help check）',
  'cli.error.packsArray': '规则包文件“{path}”应包含规则包数组',
  'cli.error.target': '--target 应为 vendor、12315 或 heimao，实际为“{value}”',
  'cli.error.snapshotsArray': '快照文件“{path}”应包含数组',
  'cli.error.needsPack': 'pack 需要一个规则包文件：npm run claims -- pack my-vendor.json',
  'cli.error.unknownCommand': '未知命令“{command}”',
  'cli.error.noCommand': '没有给出命令',
  'cli.error.unknownHelp': '没有“{topic}”的说明；可用：check、sla、ticket、pack',
  'cli.error.unknownVendor': '没有厂商“{vendor}”的规则包。内置：{shipped}；可用 --packs 提供同 id 的自定义规则包。',
  'cli.error.calendar': '节假日安排文件有误：',
  'cli.error.pack': '规则包无效（以下细节为英文）：',
  'cli.what.facts': '事实',
  'cli.what.outage': '故障',
  'cli.what.packs': '规则包',
  'cli.what.pack': '规则包',
  'cli.what.snapshots': '快照',
  'cli.what.holidays': '节假日安排',
  'cli.out.evaluated': '{pack} · 评估时间 {at}（北京时间）',
  'cli.out.headline': '结论：{line}',
  'cli.out.deadline': '期限：{deadline}',
  'cli.out.unconfirmed': '（尚未确定：取决于下面的问题）',
  'cli.out.routes': '可申请的途径（最优的在前）：',
  'cli.out.status.open': '可申请',
  'cli.out.status.needs-answers': '需回答：{needs}',
  'cli.out.status.closed': '已截止',
  'cli.out.status.ruled-out': '被“{by}”排除',
  'cli.out.until': '截止 {date}{estimated}',
  'cli.out.estimatedMark': '（估算）',
  'cli.out.estimate': '估算 {amount}',
  'cli.out.estimateRange': '估算 {min}–{max}（缺 {missing}）',
  'cli.out.questions': '待回答的问题：',
  'cli.out.steps': '下一步：',
  'cli.out.basis': '依据：',
  'cli.out.channels': '在哪里申请：',
  'cli.out.checked': '规则包核对日期：{date}。这是依据来源的摘要，不是法律意见。',
  'cli.out.sla': '{service} {month} SLA',
  'cli.out.availability': '可用性：{availability}（承诺 {commitment}%），不可用 {minutes} 分钟',
  'cli.out.met': '达到承诺：没有赔偿。',
  'cli.out.credit': '赔偿：月度服务费的 {percent}%{voucher}（代金券）',
  'cli.out.window': '申请：{opensAfter} 之后、{closesOn} 之前，只能通过工单{estimated}',
  'cli.out.excluded': '免责不计：{count} 次',
  'cli.out.ignored': '未计入：{count} 次',
  'cli.out.ticketTo': '提交到：{channel}{url}',
  'cli.out.title': '标题：{title}',
  'cli.out.category': '分类：{category}',
  'cli.out.description': '描述：',
  'cli.out.attachments': '附件：',
  'cli.out.alternative': '也可以致电 {number}：',
  'cli.out.packOk': '规则包“{id}”有效：{rules} 条规则。',
  'cli.out.service.exmail': '腾讯企业邮',
  'cli.out.service.cvm': '云服务器 CVM',
  'cli.sourcesSep': '；',
  'cli.voucherAmount': '，即 {amount}',
} as const;

export const en: Record<keyof typeof zhCN, string> = {
  'cli.usage': `Usage: npm run claims -- <command> [options]

Commands:
  check  <facts.json> [--now <ISO>]                      → the verdict: the headline route, every route, deadlines, questions
  sla    --service exmail|cvm --month YYYY-MM --outages <file.csv|file.json>
         [--fee <monthly fee> | --prepaid <amount>/<months>] [--vouchers <amount paid with vouchers>]
         [--service-start <ISO>] [--service-end <ISO>] [--commitment <id>]
                                                         → the month's availability, credit tier, voucher and claim window
  ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>]
                                                         → the ticket draft
  pack   <pack.json>                                     → validates a user-defined policy pack
  help   [check|sla|ticket|pack]                         → help on one command (help check documents the facts file, with an example)

Common options:
  --locale zh-CN|en             language of the output, errors included (default zh-CN)
  --json                        print JSON instead of a readable summary
  --holidays <overrides.json>   per-year holiday schedules: [{ "year", "holidays": [...], "workdays": [...] }]
  --packs <packs.json>          user-defined policy packs (an array) for check/ticket
Dates are Asia/Shanghai; times without an offset are read as Shanghai time.`,
  'cli.help.check': `npm run claims -- check <facts.json> [--now <ISO>] [--locale zh-CN|en] [--json] [--packs <packs.json>] [--holidays <file>]

The facts file is one JSON object describing the order and your situation. Only vendor and
purchasedAt are required; a fact left out is unknown, never guessed — the verdict says which
questions still need an answer.

  vendor         {vendors}, or a user pack's id
  purchasedAt    when you bought / paid (ISO, e.g. 2026-12-04T15:00:00+08:00)
  deliveredAt    when it was delivered / opened; downloadedAt when the app was downloaded (快连's trial runs from it)
  channel        official | reseller | app-store | google-play (default official)
  reason         changed-mind | dissatisfied | outage | wrong-plan | duplicate-charge | wrong-amount |
                 invoice-error | incompatible | defect | not-as-described | user-error
  billing        prepaid | pay-as-you-go; renewal, convertedFromPayAsYouGo, firstNoReasonRefundUsed (true/false)
  activated      whether Exmail was set up; promoNonRefundable whether the campaign said "no refund"
  outageCause    vendor | force-majeure | user-side | dns-misconfiguration; outageHours, outageMonth (YYYY-MM)
  resellerPromise  { "days": 7, "written": true }, or false when the reseller promised nothing
  amountPaid     what was actually paid (after vouchers); amountPaidWithVouchers the voucher part; termMonths
  payAsYouGoHourlyPrice  CVM: the pay-as-you-go price of the same configuration (CNY/hour), for the partial estimate
  orderId, product, account, contact  for the ticket draft

Example (facts.json):
{example}

npm run claims -- check facts.json --now 2026-12-06T10:00:00+08:00`,
  'cli.help.sla': `npm run claims -- sla --service exmail|cvm --month YYYY-MM --outages <file.csv|file.json> [--fee <monthly fee> | --prepaid <amount>/<months>] [--json]

Outage CSV: a header row "start,end[,excluded][,note]", one outage per row.
Outage JSON: [{ "start", "end", "excluded"?, "note"? }] or { "outages": [...] }.
excluded is an exclusion code of the SLA (e.g. notified-maintenance), or other with a note saying why.`,
  'cli.help.ticket': `npm run claims -- ticket <facts.json> [--now <ISO>] [--target vendor|12315|heimao] [--snapshots <file.json>] [--json]

Takes the same facts file as check (see help check) and drafts the ticket or email: title, category,
description, attachments. --target 12315 or heimao drafts a complaint after a refusal.`,
  'cli.help.pack': `npm run claims -- pack <pack.json> [--json]

Validates a user-defined policy pack (the same schema as the shipped packs) and lists every problem with its place.`,
  'cli.errorPrefix': 'error: ',
  'cli.error.unknownOption': 'unknown option --{name}',
  'cli.error.needsValue': '--{name} needs a value',
  'cli.error.cannotRead': 'cannot read {what} file "{path}": {reason}',
  'cli.error.notJson': '{what} file "{path}" is not valid JSON: {reason}',
  'cli.error.csvEmpty': 'the outage CSV is empty: expected a header row "start,end[,excluded][,note]"',
  'cli.error.csvUnknown': 'the outage CSV has unknown columns: {columns} (allowed: {allowed})',
  'cli.error.csvHeader': 'the outage CSV header must name the columns "start" and "end"',
  'cli.error.csvRow': 'outage CSV row {row}: {cells} fields, but the header has {columns}',
  'cli.error.number': '--{name} must be a number ≥ 0, got "{raw}"',
  'cli.error.locale': '--locale must be zh-CN or en, got "{value}"',
  'cli.error.slaNeeds': 'sla needs --{name}',
  'cli.error.outageArray': 'outage file "{path}" must hold an array of outages (or { "outages": [...] })',
  'cli.error.prepaid': '--prepaid must look like <amount>/<months>, e.g. 1200/12, got "{value}"',
  'cli.error.needsFacts': '{command} needs a facts file: npm run claims -- {command} facts.json (see help check)',
  'cli.error.packsArray': 'packs file "{path}" must hold an array of packs',
  'cli.error.target': '--target must be vendor, 12315 or heimao, got "{value}"',
  'cli.error.snapshotsArray': 'snapshots file "{path}" must hold an array',
  'cli.error.needsPack': 'pack needs a pack file: npm run claims -- pack my-vendor.json',
  'cli.error.unknownCommand': 'unknown command "{command}"',
  'cli.error.noCommand': 'no command given',
  'cli.error.unknownHelp': 'no help on "{topic}"; try check, sla, ticket or pack',
  'cli.error.unknownVendor':
    'No policy pack for vendor "{vendor}". Shipped: {shipped}; give a user-defined pack with this id through --packs.',
  'cli.error.calendar': 'Invalid holiday calendar override:',
  'cli.error.pack': 'Invalid policy pack:',
  'cli.what.facts': 'facts',
  'cli.what.outage': 'outage',
  'cli.what.packs': 'packs',
  'cli.what.pack': 'pack',
  'cli.what.snapshots': 'snapshots',
  'cli.what.holidays': 'holiday overrides',
  'cli.out.evaluated': '{pack} · evaluated {at} (Beijing time)',
  'cli.out.headline': 'Verdict: {line}',
  'cli.out.deadline': 'Deadline: {deadline}',
  'cli.out.unconfirmed': ' (not settled yet: it depends on the questions below)',
  'cli.out.routes': 'Routes (best first):',
  'cli.out.status.open': 'open',
  'cli.out.status.needs-answers': 'needs answers: {needs}',
  'cli.out.status.closed': 'closed',
  'cli.out.status.ruled-out': 'ruled out by "{by}"',
  'cli.out.until': 'until {date}{estimated}',
  'cli.out.estimatedMark': ' (estimated)',
  'cli.out.estimate': 'estimate {amount}',
  'cli.out.estimateRange': 'estimate {min}–{max} (missing {missing})',
  'cli.out.questions': 'Questions to answer:',
  'cli.out.steps': 'Next steps:',
  'cli.out.basis': 'Basis:',
  'cli.out.channels': 'Where to claim:',
  'cli.out.checked': 'Pack last checked: {date}. A summary of its sources, not legal advice.',
  'cli.out.sla': '{service} SLA for {month}',
  'cli.out.availability': 'Availability: {availability} (commitment {commitment}%), {minutes} minutes unavailable',
  'cli.out.met': 'Commitment met: no credit.',
  'cli.out.credit': 'Credit: {percent}% of the monthly fee{voucher} (voucher)',
  'cli.out.window': 'Claim: after {opensAfter} and by {closesOn}, by ticket only{estimated}',
  'cli.out.excluded': 'Excluded: {count}',
  'cli.out.ignored': 'Not counted: {count}',
  'cli.out.ticketTo': 'Send to: {channel}{url}',
  'cli.out.title': 'Title: {title}',
  'cli.out.category': 'Category: {category}',
  'cli.out.description': 'Description:',
  'cli.out.attachments': 'Attachments:',
  'cli.out.alternative': 'Or call {number}:',
  'cli.out.packOk': 'Pack "{id}" is valid: {rules} rules.',
  'cli.out.service.exmail': 'Tencent Exmail',
  'cli.out.service.cvm': 'CVM',
  'cli.sourcesSep': '; ',
  'cli.voucherAmount': ', i.e. {amount}',
};
