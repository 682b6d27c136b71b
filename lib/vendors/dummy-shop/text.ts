export const zhEnPlaceholder = (zh: string, en: string) => ({ 'zh-CN': zh, en });
