/** Maps an app:// URL to a file inside the built renderer folder, refusing other origins and anything that would escape it. */
import { resolveStaticFile } from '../static-files';
import { APP_HOST, APP_SCHEME } from './security-policy';

/** The file to serve for an app:// URL, or null when the URL is not ours or escapes the renderer folder. */
export function resolveAppPath(rendererDir: string, requestUrl: string): string | null {
  let url: URL;
  try {
    url = new URL(requestUrl);
  } catch {
    return null;
  }
  if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return null;
  return resolveStaticFile(rendererDir, url.pathname);
}
