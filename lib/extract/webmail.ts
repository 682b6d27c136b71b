/**
 * The words of an Exmail webmail failure page (seed 002 §1: webmail failing
 * counts as unavailability). Kept apart from the outage log, so scripts inside
 * web pages (the content script) can recognise a failure page without the
 * log's schemas.
 */
export const ERROR_MARKERS =
  /系统繁忙|服务暂时不可用|服务器错误|系统错误|Service (?:is )?(?:temporarily )?unavailable|System busy/i;
export const TIMEOUT_MARKERS = /连接超时|网络异常|无法连接到邮件服务器|请求超时|Connection timed out|timed out/i;

/** Whether a page's title or text shows a webmail failure. */
export const showsWebmailFailure = (text: string): boolean => ERROR_MARKERS.test(text) || TIMEOUT_MARKERS.test(text);
