// The product's own words, zh-CN (the default UI language). Every user-visible
// string goes through this catalog; en.ts must have the same keys.
export const zhCN = {
  'app.name': '退款卫士',
  'app.tagline': '云服务与软件购买的退款政策、期限与证据，全部留在你的电脑上。',

  'vendor.tencent-cloud': '腾讯云',
  'vendor.tencent-exmail': '腾讯企业邮箱',
  'vendor.letsvpn': '快连 LetsVPN',
  'vendor.generic-software': '其他软件 / 在线课程',

  'kind.checkout': '购买页',
  'kind.order': '订单页',
  'kind.console': '控制台',
  'kind.ticket': '工单页',
  'kind.webmail': '网页邮箱',

  'vendorSummary.tencent-cloud': '包年包月新购：每个主体一次五天无理由全额退还；其余按已用部分退还，退回账户余额。',
  'vendorSummary.tencent-exmail': '开通后原则上不退款；未激活、故障超 72 小时、误购或重复支付、代理商书面承诺可协商。',
  'vendorSummary.letsvpn': '体验期内、无法解决的兼容问题、区域中断超 72 小时、重复扣款可申请；应用商店购买找商店退款。',
  'vendorSummary.generic-software': '先看卖家政策；网购 7 日无理由退货不适用于已下载的数字商品和下单时确认不退的商品。',

  'popup.currentPage': '当前页面',
  'popup.detected': '{vendor} · {kind}',
  'popup.notVendorPage': '此页面不是已支持厂商的购买、订单或工单页面。',
  'popup.noTab': '无法读取当前标签页。',
  'popup.supported': '已支持的厂商',
  'popup.openLocker': '打开证据库',
  'popup.openOptions': '设置',
  'popup.loading': '正在读取…',

  'options.title': '退款卫士 · 设置',
  'options.language': '界面语言',
  'options.language.help': '默认跟随浏览器语言；浏览器语言不是中文或英文时使用简体中文。',
  'options.language.auto': '跟随浏览器',
  'options.language.zh-CN': '简体中文',
  'options.language.en': 'English',
  'options.saved': '已保存',
  'options.privacy.title': '隐私',
  'options.privacy.body': '退款卫士没有服务器、账号或统计。识别结果、证据快照和设置只保存在本机浏览器中，只有你导出时才会离开这台电脑。',
  'options.sources.title': '政策来源',
  'options.sources.body': '每条规则都注明出处（来源文件与条款，或事实清单条目）和最后核对日期。内容是政策摘要，不构成法律意见。',

  'locker.title': '证据库',
  'locker.subtitle': '订单与购买页面的快照：字段、页面文字、截图、时间与网址，经过脱敏、哈希并链接成链。',
  'locker.empty.title': '还没有证据',
  'locker.empty.body': '证据库为空。保存的订单快照会按时间列在这里，可以筛选、导出并离线校验。',
  'locker.privacy': '所有快照只保存在本机浏览器的存储中。',

  'card.title': '退款卫士',
  'card.detected': '已识别：{vendor} · {kind}',
  'card.collapse': '收起',
  'card.expand': '展开',
  'card.dismiss': '关闭',
  'card.policy': '适用政策',

  'error.malformed': '内部消息格式不正确，操作未执行。请刷新页面后重试。',
  'error.unknownType': '扩展收到了无法识别的请求，操作未执行。请更新扩展后重试。',
  'error.handler': '操作失败：{message}',
  'error.noReceiver': '扩展后台暂时不可用，请稍后重试或重新加载扩展。',
  'error.settingsInvalid': '设置数据无法读取，已使用默认设置；原数据未删除。',
} as const;

export type MessageKey = keyof typeof zhCN;
