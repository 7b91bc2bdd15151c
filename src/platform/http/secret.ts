// The key that signs cookies: RENKOU_SECRET, or a random one kept in the data folder.
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

export function loadSecret(dataDir: string): string {
  if (process.env.RENKOU_SECRET) return process.env.RENKOU_SECRET;
  const file = path.join(dataDir, 'secret.key');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    fs.mkdirSync(dataDir, { recursive: true });
    const secret = randomBytes(32).toString('hex');
    fs.writeFileSync(file, secret, { mode: 0o600 });
    return secret;
  }
}
