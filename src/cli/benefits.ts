// `renkou benefits run|pay|reconcile|test`.
import type { Command } from 'commander';
import { benefitsTestCommand } from './benefits-test.ts';

export function benefitsCommand(program: Command) {
  const benefits = program.command('benefits').description('benefit programmes: eligibility runs, payments, reconciliation, golden cases');
  for (const add of [benefitsTestCommand]) add(benefits);
}
