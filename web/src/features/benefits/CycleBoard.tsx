// The cycle board: each step of the year's cycle with its progress.
import { Card, Col, Progress, Row, Statistic, Steps, Typography } from 'antd';
import { useI18n } from '../../app/i18n';
import { yuan, type CycleBoard as Board } from './benefits.api';

// The step shown as current once the reviews are over.
const AFTER_REVIEW = { notice: 4, frozen: 6, paying: 6, closed: 8 } as const;

export function CycleBoard({ board }: { board: Board }) {
  const { t } = useI18n();
  const total = board.lines.total || 1;
  const pct = (n: number) => Math.floor((n / total) * 100);
  const current = board.status === 'review' ? (board.steps.confirmed === board.lines.total ? 4 : board.steps.reviewed === board.lines.total ? 3 : board.steps.declared === board.lines.total ? 2 : 1) : AFTER_REVIEW[board.status];
  return (
    <Card style={{ marginBottom: 16 }} data-testid="cycle-board">
      <Steps size="small" current={current} style={{ marginBottom: 16 }} items={[
        { title: t('benefits.step.run') }, { title: t('benefits.step.declare') }, { title: t('benefits.step.review') }, { title: t('benefits.step.confirm') },
        { title: t('benefits.step.notice'), description: board.noticeFrom ? t('benefits.noticePeriod', { from: board.noticeFrom, to: board.noticeTo ?? '' }) : undefined },
        { title: t('benefits.step.freeze') }, { title: t('benefits.step.pay') }, { title: t('benefits.step.close') },
      ]} />
      <Row gutter={24}>
        <Col span={4}><Statistic title={t('benefits.kindOf.new')} value={board.lines.new} /></Col>
        <Col span={4}><Statistic title={t('benefits.kindOf.continuing')} value={board.lines.continuing} /></Col>
        <Col span={4}><Statistic title={t('benefits.kindOf.leaving')} value={board.lines.leaving} /></Col>
        <Col span={12}>
          {([['declare', board.steps.declared], ['review', board.steps.reviewed], ['confirm', board.steps.confirmed], ['freeze', board.steps.frozen]] as const).map(([k, n]) => (
            <div key={k} data-testid={`step-${k}`}>
              <Typography.Text type="secondary">{t(`benefits.step.${k}`)} {n}/{board.lines.total}</Typography.Text>
              <Progress percent={pct(n)} size="small" />
            </div>
          ))}
          <div data-testid="step-pay">
            <Typography.Text type="secondary">{t('benefits.step.pay')} {yuan(board.steps.paidFen)}/{yuan(board.steps.dueFen)}</Typography.Text>
            <Progress percent={board.steps.dueFen ? Math.floor((board.steps.paidFen / board.steps.dueFen) * 100) : 0} size="small" />
          </div>
        </Col>
      </Row>
    </Card>
  );
}
