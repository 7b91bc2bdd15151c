import { Tag } from 'antd';
import { useLabels, type PersonStatusCode } from '../../app/labels';

const COLORS: Record<PersonStatusCode, string> = { alive: 'green', dead: 'default', moved_out: 'gold' };

export function StatusTag({ status }: { status: PersonStatusCode }) {
  const labels = useLabels();
  return <Tag color={COLORS[status]}>{labels.status(status)}</Tag>;
}
