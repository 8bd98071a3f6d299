// Starts Tongban: one process, one port (HTTP API, client, socket.io; collab and media join here as they land).
import { buildApp } from './app.ts';
import { issueSetupToken } from './commands/accounts/setupAdministrators.ts';
import { demoContentMissing, describeDemoContent, seedDemoContent } from './seed/demoContent.ts';
import { DEMO_PASSWORD, seedDemoOrganisation } from './seed/demoOrganisation.ts';

const app = await buildApp();
const { config } = app.svc;
await app.listen({ port: config.port, host: config.host });

// TONGBAN_DEMO=1: the demo organisation only (the end-to-end tests start from it); full: a month of work on top of it.
const { demo } = config;
if (demo !== 'none' && (await app.svc.db.user.count()) === 0) {
  const seeded = await seedDemoOrganisation(app.svc);
  process.stdout.write(
    `\n  Demo organisation created: ${seeded.units} units, ${seeded.users} people.\n  Sign in as chenming (区长), zhaojing (秘书科), zhouqiang (督查室), zhangwei (科员), sysadmin / secadmin / auditadmin …\n  Every demo account's password: ${DEMO_PASSWORD}\n`,
  );
}
// Also for a demo database from before the content existed: only while nothing has been made in it.
if (demo === 'full' && (await demoContentMissing(app.svc)))
  process.stdout.write(`  ${describeDemoContent(await seedDemoContent(app.svc))}\n`);
const token = await issueSetupToken(app.svc);
if (token) {
  const link = `${config.publicUrl}/setup?token=${token}`;
  // Printed, not logged as JSON: the operator must be able to read and copy it. It works once and for 24 hours.
  const bold = (text: string) => (process.stdout.isTTY ? `\x1b[1;32m${text}\x1b[0m` : text);
  const rule = '━'.repeat(Math.min(Math.max(link.length + 4, 60), 120));
  process.stdout.write(
    `\n${rule}\n  同办 Tongban — first start / 首次启动\n  Open this one-time link to name the organisation and create the three administrators\n  (valid 24 hours; restarting prints a new one) / 打开下面的一次性链接，设置单位并创建三员账号：\n\n    ${bold(link)}\n${rule}\n\n`,
  );
}
process.stdout.write(`  同办 Tongban is running at ${config.publicUrl}\n`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    app.log.info({ signal }, 'shutting down');
    app.close().then(
      () => process.exit(0),
      (err: unknown) => {
        app.log.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  });
}
