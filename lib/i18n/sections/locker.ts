// Catalog section: locker. Keys here join the zh-CN and en catalogs (lib/i18n).
export const zhCN = {
} as const;

export const en: Record<keyof typeof zhCN, string> = {
};
