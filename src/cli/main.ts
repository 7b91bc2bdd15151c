// `renkou <command>`: the same code as the server, for operations.
import { Command } from 'commander';
import { auditCommand } from './audit.ts';
import { benefitsCommand } from './benefits.ts';
import { importCommand } from './import.ts';
import { migrateCommand } from './migrate.ts';
import { seedCommand } from './seed.ts';
import { serveCommand } from './serve.ts';
import { statsCommand } from './stats.ts';
import { userCommand } from './user.ts';

const program = new Command('renkou').description('人口家庭服务管理平台 Renkou').showHelpAfterError();
for (const add of [serveCommand, migrateCommand, seedCommand, importCommand, userCommand, auditCommand, statsCommand, benefitsCommand]) add(program);

program.parseAsync(process.argv).catch((e: unknown) => {
  const err = e as { code?: string; message?: string; fieldErrors?: { field: string; code: string }[] };
  console.error(`错误 / error: ${err.code ?? ''} ${err.message ?? e}`);
  if (err.fieldErrors?.length) for (const f of err.fieldErrors) console.error(`  ${f.field}: ${f.code}`);
  process.exit(1);
});
