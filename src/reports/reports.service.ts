// Use cases of the downloads: the statistical table (.xlsx) and the work summary (.docx), whose
// editable sections are templates kept per area (the nearest area's template wins). Audited.
import { uuidv7 } from 'uuidv7';
import type { AppContext } from '../platform/context.ts';
import { audit } from '../platform/audit/audit.service.ts';
import type { Actor } from '../platform/auth/roles.ts';
import { nowIso } from '../platform/db/executor.ts';
import { AppError, notFound, staleVersion, validationFailed } from '../platform/http/errors.ts';
import { checkArea, statsTable, type StatsQuery } from '../stats/stats.service.ts';
import { assessedTable } from '../stats/targets.service.ts';
import { statsWorkbook, tableTitle } from './stats-xlsx.ts';
import { summaryDocument, type SummarySection } from './summary-docx.ts';
import { childrenSentence, overviewSentence, targetSentences } from './summary-text.ts';
import * as repo from './summary-templates.repository.ts';

export const TEMPLATE_SECTIONS = ['overview', 'measures', 'problems', 'plans'] as const;
export type TemplateSection = (typeof TEMPLATE_SECTIONS)[number];

export const SECTION_HEADINGS: Record<TemplateSection | 'figures', string> = {
  overview: '一、基本情况', figures: '二、主要指标完成情况', measures: '三、主要做法', problems: '四、存在的问题', plans: '五、下一步工作打算',
};

const DEFAULTS: Record<TemplateSection, string> = {
  overview: '{期间}，{地区}以人口和家庭发展为中心，认真落实各项人口和计划生育工作任务，全员人口数据库动态更新，各项指标运行平稳。',
  measures: '（一）加强组织领导，落实目标管理责任制。\n（二）完善全员人口数据库，做好人口变动信息的及时登记。\n（三）落实奖励扶助、特别扶助等利益导向政策，确保资金按时足额发放。',
  problems: '（一）部分村（社区）人口信息更新不够及时。\n（二）流动人口服务管理仍需加强。',
  plans: '（一）继续做好人口监测和统计分析工作。\n（二）深入推进优生优育服务，落实生育支持措施。',
};

const fill = (body: string, vars: Record<string, string>) => body.replace(/\{(地区|期间)\}/g, (_, k: string) => vars[k] ?? '');

function ancestors(ctx: AppContext, area: string): string[] {
  return ctx.areas.path(area).map((n) => n.code);
}

export async function getTemplates(ctx: AppContext, actor: Actor, area: string) {
  checkArea(ctx, actor, area);
  const chain = ancestors(ctx, area);
  const rows = await repo.templatesFor(ctx.db.kysely, chain);
  return {
    area: { code: area, name: ctx.areas.fullName(area) },
    sections: TEMPLATE_SECTIONS.map((section) => {
      const own = rows.find((r) => r.section === section && r.area_code === area);
      const inherited = [...chain].reverse().map((c) => rows.find((r) => r.section === section && r.area_code === c)).find(Boolean);
      return {
        section, heading: SECTION_HEADINGS[section],
        body: inherited?.body ?? DEFAULTS[section],
        from: own ? 'own' : inherited ? inherited.area_code : 'default',
        id: own?.id ?? null, version: own?.version ?? null,
      };
    }),
  };
}

export async function setTemplate(ctx: AppContext, actor: Actor, t: { areaCode: string; section: TemplateSection; body: string; version?: number }) {
  checkArea(ctx, actor, t.areaCode);
  if (!t.body.trim()) throw validationFailed([{ field: 'body', code: 'field.required' }]);
  await ctx.db.kysely.transaction().execute(async (trx) => {
    const existing = await repo.findTemplate(trx, t.areaCode, t.section);
    const now = nowIso();
    if (existing) {
      if (t.version === undefined) throw new AppError(409, 'conflict.stale_version', {}, [{ field: 'version', code: 'field.required' }]);
      if (!(await repo.updateTemplateVersioned(trx, existing.id, t.version, t.body, now))) throw staleVersion();
    } else {
      await repo.insertTemplate(trx, { id: uuidv7(), area_code: t.areaCode, section: t.section, body: t.body, version: 1, created_at: now, updated_at: now });
    }
    await audit(trx, ctx.db.dialect, actor, { action: 'summary_template.save', entityType: 'summary_template', entityId: existing?.id ?? null, areaCode: t.areaCode, detail: { section: t.section } });
  });
  return getTemplates(ctx, actor, t.areaCode);
}

async function auditDownload(ctx: AppContext, actor: Actor, kind: string, q: StatsQuery) {
  await ctx.db.kysely.transaction().execute((trx) =>
    audit(trx, ctx.db.dialect, actor, { action: 'stats.download', entityType: 'stats', areaCode: q.area, detail: { kind, period: q.period, basis: q.basis ?? 'hukou', annualise: !!q.annualise } }),
  );
}

export async function downloadTable(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const t = await statsTable(ctx, actor, q);
  const buffer = await statsWorkbook(t);
  await auditDownload(ctx, actor, 'xlsx', q);
  return { filename: `${tableTitle(t)}.xlsx`, buffer };
}

export function summaryTitle(areaName: string, periodLabel: string): string {
  return `${areaName}${periodLabel}人口和计划生育工作总结`;
}

export async function buildSummary(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const t = await assessedTable(ctx, actor, { ...q, indicators: undefined });
  const node = ctx.areas.get(q.area);
  if (!node) throw notFound();
  const top = t.rows[0];
  const figures = {
    areaName: node.name, areaLevel: node.level, periodLabel: t.period.label, annualised: t.annualised, basis: t.basis,
    values: top.values, assessments: top.assessments, children: t.rows.slice(1),
  };
  const templates = await getTemplates(ctx, actor, q.area);
  const vars = { 地区: node.name, 期间: t.period.label };
  const body = (s: TemplateSection) => fill(templates.sections.find((x) => x.section === s)!.body, vars).split(/\n+/).map((p) => p.trim()).filter(Boolean);
  const generated = [overviewSentence(figures)];
  const targets = targetSentences(figures);
  if (targets.length) generated.push(targets.join(''));
  else generated.push('本年度尚未设定目标任务。');
  const children = childrenSentence(figures);
  if (children) generated.push(children);
  const sections: SummarySection[] = [
    { heading: SECTION_HEADINGS.overview, paragraphs: body('overview') },
    { heading: SECTION_HEADINGS.figures, paragraphs: generated },
    { heading: SECTION_HEADINGS.measures, paragraphs: body('measures') },
    { heading: SECTION_HEADINGS.problems, paragraphs: body('problems') },
    { heading: SECTION_HEADINGS.plans, paragraphs: body('plans') },
  ];
  return { title: summaryTitle(node.name, t.period.label), sections };
}

export async function downloadSummary(ctx: AppContext, actor: Actor, q: StatsQuery) {
  const s = await buildSummary(ctx, actor, q);
  const buffer = await summaryDocument(s.title, s.sections);
  await auditDownload(ctx, actor, 'docx', q);
  return { filename: `${s.title}.docx`, buffer };
}
