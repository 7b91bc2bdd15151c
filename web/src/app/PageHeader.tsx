// Title row of a page: heading on the left, actions on the right.
import { Flex, Space, Typography } from 'antd';
import type { ReactNode } from 'react';

interface Props {
  title: ReactNode;
  subTitle?: ReactNode;
  extra?: ReactNode;
  testId?: string;
}

export function PageHeader({ title, subTitle, extra, testId }: Props) {
  return (
    <Flex justify="space-between" align="center" wrap gap={12} style={{ marginBottom: 16 }}>
      <Space align="baseline" size={12} wrap>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid={testId}>
          {title}
        </Typography.Title>
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </Space>
      {extra && <Space wrap>{extra}</Space>}
    </Flex>
  );
}
