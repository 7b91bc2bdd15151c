import type { Command } from 'commander';
import { boot } from '../platform/boot.ts';
import { ROLE_NAMES, systemActor } from '../platform/auth/roles.ts';
import { createUser } from '../platform/auth/users.service.ts';
import type { Role } from '../platform/db/schema.ts';

export function userCommand(program: Command) {
  const user = program.command('user').description('manage users');
  user.command('add')
    .requiredOption('--username <u>')
    .requiredOption('--password <p>')
    .requiredOption('--role <r>', ROLE_NAMES.join('|'))
    .requiredOption('--area <code>')
    .option('--name <displayName>')
    .action(async (o: { username: string; password: string; role: string; area: string; name?: string }) => {
      if (!ROLE_NAMES.includes(o.role as Role)) throw new Error(`unknown role ${o.role}; use one of ${ROLE_NAMES.join(', ')}`);
      const ctx = await boot();
      try {
        const u = await createUser(ctx, systemActor(''), { username: o.username, password: o.password, role: o.role as Role, areaCode: o.area, displayName: o.name ?? o.username });
        console.log(JSON.stringify({ id: u.id, username: u.username, role: u.role, areaCode: u.areaCode, areaName: u.areaName }));
      } finally {
        await ctx.db.close();
      }
    });
}
