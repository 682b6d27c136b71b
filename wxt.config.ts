import { defineConfig } from 'wxt';

// The manifest is the product's permission story: everything that could read
// more than the vendors' own pages is optional and asked for at the moment the
// user turns the feature on (options page), never at install.
export default defineConfig({
  modules: ['@wxt-dev/module-react'],
  imports: false,
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'zh_CN',
    permissions: [
      'storage',
      'unlimitedStorage',
      'alarms',
      'notifications',
      'activeTab',
      'contextMenus',
      'scripting',
    ],
    optional_host_permissions: ['*://*/*'],
    action: { default_title: '__MSG_extName__' },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'refund-guard@refund-guard.local', strict_min_version: '115.0' } } }
      : {}),
  }),
});
