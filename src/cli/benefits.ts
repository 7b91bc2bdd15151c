// `renkou benefits run|pay|reconcile|test`.
import type { Command } from 'commander';
import { benefitsPayCommand } from './benefits-pay.ts';
import { benefitsReconcileCommand } from './benefits-reconcile.ts';
import { benefitsRunCommand } from './benefits-run.ts';
import { benefitsTestCommand } from './benefits-test.ts';

export function benefitsCommand(program: Command) {
  const benefits = program.command('benefits').description('benefit programmes: eligibility runs, payments, reconciliation, golden cases');
  for (const add of [benefitsRunCommand, benefitsPayCommand, benefitsReconcileCommand, benefitsTestCommand]) add(benefits);
}
