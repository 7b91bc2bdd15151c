import { Space, Typography } from 'antd';
import { Link } from 'react-router-dom';
import { formatDate } from '../../app/format';
import type { PersonRef } from './types';

/** "张三 510703********1234 1980-01-02" with a link to the person. */
export function PersonRefLink({ person }: { person: PersonRef }) {
  return (
    <Space size={8} wrap>
      <Link to={`/persons/${person.id}`}>{person.name}</Link>
      <Typography.Text type="secondary" className="num">
        {person.idNumber ?? ''} {formatDate(person.birthDate)}
      </Typography.Text>
    </Space>
  );
}
