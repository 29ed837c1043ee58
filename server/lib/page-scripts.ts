// The one executable inline script of the dashboard's index.html, shared by the build that
// puts it there (vite.config.ts) and the server, whose Content-Security-Policy allows it by
// its hash (server/lib/security-headers.ts). It carries no data, which would change its hash.

/**
 * On a direct visit the API requests would start only once the entry script has downloaded and
 * run (the router's loaders), hundreds of ms after the HTML. A few lines inline in index.html
 * preload them instead (`<link rel="preload" as="fetch">`) while the scripts download: the
 * session (`/api/auth/me`, every page but the login) and, on the diary, the contract and the
 * week. The app's own `fetch` of the same URL then takes the preloaded response. The URLs must
 * be exactly those the app requests (src/lib/api-client.ts `apiUrl`; the diary's loader in
 * src/app/routes/app/diary-loader.ts and src/features/diary/api/get-week.ts); a week or zone
 * the loader would still fill in or redirect is not preloaded (the contractor's zone needs the
 * contract first).
 */
export const API_PRELOAD_SCRIPT = `(function () {
  try {
    var p = location.pathname;
    if (p === '/login') return;
    var add = function (href) {
      var l = document.createElement('link');
      l.rel = 'preload';
      l.as = 'fetch';
      l.crossOrigin = 'anonymous';
      l.href = href;
      document.head.appendChild(l);
    };
    add('/api/auth/me');
    add('/api/overview');
    var m = /^\\/contracts\\/([^/]+)\\/diary\\/?$/.exec(p);
    if (!m) return;
    var id = encodeURIComponent(decodeURIComponent(m[1]));
    add('/api/contracts/' + id);
    var q = new URLSearchParams(location.search);
    var week = q.get('week') || '';
    var tz = q.get('tz');
    var t = Date.parse(week + 'T00:00:00Z');
    if (!/^\\d{4}-\\d{2}-\\d{2}$/.test(week) || isNaN(t) || new Date(t).toISOString().slice(0, 10) !== week || new Date(t).getUTCDay() !== 1) return;
    var zone = tz === 'utc' ? 'UTC' : tz === 'local' ? Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC' : '';
    if (zone) add('/api/contracts/' + id + '/weeks/' + week + '?' + new URLSearchParams({ tz: zone }));
  } catch (e) {}
})();`.replace(/\n\s*/g, ' ');
