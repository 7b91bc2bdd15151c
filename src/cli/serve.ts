import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { ensureAdmin } from '../platform/auth/users.service.ts';
import { buildApp } from '../platform/http/app.ts';
import { resumeUnfinishedJobs } from '../platform/jobs/jobs.service.ts';
import { ensureDemo } from '../registry/seed/demo.service.ts';
import { progressLine } from './progress.ts';

export function serveCommand(program: Command) {
  program.command('serve').description('start the web server (API, web app, background jobs)').action(async () => {
    const ctx = await boot();
    const admin = await ensureAdmin(ctx, ctx.config.region);
    if (ctx.config.demo) {
      const demo = await ensureDemo(ctx, progressLine('创建演示城市 creating the demo city'));
      if (demo) console.log(`演示数据已生成 / demo city created: ${demo.persons} persons in ${demo.seconds.toFixed(1)} s`);
    }
    const app = await buildApp(ctx, { logger: true });
    await app.listen({ port: ctx.config.port, host: ctx.config.host });
    await resumeUnfinishedJobs(ctx);
    const url = `http://${ctx.config.host === '0.0.0.0' ? '127.0.0.1' : ctx.config.host}:${ctx.config.port}/`;
    console.log('');
    console.log(`人口家庭服务管理平台 Renkou 已启动 / is running: ${url}`);
    console.log(`  接口文档 API docs: ${url}api/docs`);
    if (admin.created) {
      console.log(`  管理员 admin login: admin / ${admin.password}${admin.generated ? '  (已随机生成，请妥善保存 / generated: keep it safe)' : ''}`);
    } else {
      console.log('  管理员 admin login: admin (密码见首次启动输出或 RENKOU_ADMIN_PASSWORD / password as printed at first start)');
    }
    const stop = async () => { await app.close(); await ctx.db.close(); process.exit(0); };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}
