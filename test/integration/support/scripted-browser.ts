/** Plays the person at the browser during a sign-in: opens the authorize URL, picks the account, lets the form_post reach the app. */
import https from 'node:https';

const request = (url: string, ca: string): Promise<string> =>
  new Promise((resolve, reject) => {
    https.get(url, { ca }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => resolve(body));
    }).on('error', reject);
  });

const decode = (s: string) => s.replace(/&#(\d+);/g, (_, n: string) => String.fromCharCode(Number(n))).replace(/&amp;/g, '&');

/** Returns an openBrowser function that signs in as `username` (picked on the sim's sign-in page). */
export function scriptedBrowser(caCertPem: string, username: string, opened: string[] = []) {
  return async (authorizeUrl: string): Promise<void> => {
    opened.push(authorizeUrl);
    let page = await request(authorizeUrl, caCertPem);
    const pick = [...page.matchAll(/<a href="([^"]+)">[^<]*&lt;([^&]+)&gt;<\/a>/g)].find((m) => m[2] === username);
    if (pick?.[1]) page = await request(new URL(decode(pick[1]), authorizeUrl).toString(), caCertPem);
    const action = /<form method="POST" name="hiddenform" action="([^"]+)">/.exec(page)?.[1];
    if (!action) throw new Error(`no form_post in the sign-in answer: ${page.slice(0, 200)}`);
    const fields = Object.fromEntries([...page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)"\/>/g)].map((m) => [decode(m[1] ?? ''), decode(m[2] ?? '')]));
    await fetch(decode(action), { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(fields) });
  };
}
