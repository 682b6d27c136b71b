import { defineVendorPages } from '../define-pages';
import { letsvpnName, letsvpnSummary } from './words';

// letsvpn.world is the official site (FACTS.md); App Store purchases of the app
// are claimed with Apple (seed 003, FAQ Q2), so the store page is a checkout too.
// Only the page's first line (its title, see `detectionText`) or the URL names
// the app: reviews and "you may also like" strips on other apps' pages do not.
const LETSVPN_NAME = /^[^\n]*(快连|LetsVPN|Lets\s?VPN)/i;

export const letsvpnPages = defineVendorPages({
  vendor: 'letsvpn',
  name: letsvpnName,
  summary: letsvpnSummary,
  hosts: ['letsvpn.world', 'www.letsvpn.world', 'apps.apple.com'],
  rules: [
    // Plans, checkout and payment pages of the official site
    {
      kind: 'checkout',
      hosts: ['letsvpn.world', 'www.letsvpn.world'],
      path: /^\/([a-z]{2}(-[a-z]{2,4})?\/)?(pricing|plans?|checkout|buy|purchase|pay)(\/|$|\.html)/i,
    },
    // Order history in the user account
    {
      kind: 'order',
      hosts: ['letsvpn.world', 'www.letsvpn.world'],
      path: /^\/([a-z]{2}(-[a-z]{2,4})?\/)?(account|user)\/(orders?|billing|subscription)/i,
    },
    // The App Store page of the 快连 app (recognised by its name on the page)
    {
      kind: 'checkout',
      hosts: ['apps.apple.com'],
      path: /^\/[a-z]{2}\/app\//i,
      text: LETSVPN_NAME,
    },
  ],
});
