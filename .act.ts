// Scratch: call the API as a stored browser session (not part of the project).
import { request } from '@playwright/test';
const [user, method, url, body] = process.argv.slice(2);
const ctx = await request.newContext({ baseURL: 'http://localhost:3100', storageState: `/tmp/shots/state-${user}.json` });
const s = await (await ctx.get('/api/auth/session')).json();
const res = await ctx.fetch(url!, { method, headers: { 'x-csrf-token': s.csrfToken }, ...(body ? { data: JSON.parse(body) } : {}) });
console.log(res.status(), (await res.text()).slice(0, 300));
await ctx.dispose();
