const encoder = new TextEncoder();

/**
 * SHA-256 of a text as lowercase hex, via Web Crypto so it runs on Node, edge
 * runtimes and browsers alike.
 */
export async function digest(text: string): Promise<string> {
  const bytes = new Uint8Array(await crypto.subtle.digest('SHA-256', encoder.encode(text)));
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return hex;
}
