// Lazily loaded tree of areas under the user's own area (省/市/区县/乡镇街道/村社区).
import { Empty, Spin, Tree } from 'antd';
import { useEffect, useState } from 'react';
import { useI18n } from '../../app/i18n';
import { useLabels } from '../../app/labels';
import { getArea, getAreaChildren } from './areas.api';
import type { AreaNode } from './types';

interface TreeNode {
  key: string;
  title: string;
  level: number;
  isLeaf: boolean;
  children?: TreeNode[];
}

const toNode = (a: AreaNode): TreeNode => ({ key: a.code, title: a.name, level: a.level, isLeaf: !a.hasChildren });

function withChildren(nodes: TreeNode[], key: string, children: TreeNode[]): TreeNode[] {
  return nodes.map((n) =>
    n.key === key ? { ...n, children, isLeaf: children.length === 0 } : n.children ? { ...n, children: withChildren(n.children, key, children) } : n,
  );
}

interface Props {
  rootCode: string;
  selected?: string;
  onSelect: (code: string) => void;
}

export function AreaTree({ rootCode, selected, onSelect }: Props) {
  const { t } = useI18n();
  const labels = useLabels();
  const [nodes, setNodes] = useState<TreeNode[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    let live = true;
    getArea(rootCode)
      .then((a) => live && setNodes([{ key: a.code, title: a.name, level: a.level, isLeaf: false }]))
      .catch(() => live && setFailed(true));
    return () => {
      live = false;
    };
  }, [rootCode]);

  const load = async ({ key }: { key: React.Key }) => {
    const children = (await getAreaChildren(String(key))).map(toNode);
    setNodes((prev) => (prev ? withChildren(prev, String(key), children) : prev));
  };

  if (failed) return <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} description={t('area.loadFailed')} />;
  if (!nodes) return <Spin style={{ display: 'block', margin: '24px auto' }} />;

  return (
    <Tree<TreeNode>
      blockNode
      treeData={nodes}
      loadData={load}
      defaultExpandedKeys={[rootCode]}
      selectedKeys={[selected ?? rootCode]}
      onSelect={(keys) => keys.length > 0 && onSelect(String(keys[0]))}
      titleRender={(n) => <span title={`${labels.areaLevel(n.level)} · ${n.key}`}>{n.title}</span>}
      data-testid="area-tree"
    />
  );
}
