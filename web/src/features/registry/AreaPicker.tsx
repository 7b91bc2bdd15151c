// Area picker for forms: a lazily loaded tree restricted to the user's own area.
// The value is an area code.
import { TreeSelect } from 'antd';
import { useEffect, useState } from 'react';
import { useUser } from '../../app/auth';
import { useI18n } from '../../app/i18n';
import { getArea, getAreaChildren } from './areas.api';

interface Node {
  id: string;
  pId: string | null;
  value: string;
  title: string;
  /** Shown once chosen: the names from the user's area down, e.g. 绵阳市涪城区城厢街道. */
  fullName: string;
  isLeaf: boolean;
}

function merge(nodes: Node[], add: Node[]): Node[] {
  const known = new Set(nodes.map((n) => n.id));
  return [...nodes, ...add.filter((n) => !known.has(n.id))];
}

interface Props {
  value?: string;
  onChange?: (code: string | undefined) => void;
  placeholder?: string;
  disabled?: boolean;
  allowClear?: boolean;
  rootCode?: string;
  'data-testid'?: string;
}

export function AreaPicker({ value, onChange, placeholder, disabled, allowClear = true, rootCode, ...rest }: Props) {
  const { t } = useI18n();
  const user = useUser();
  const root = rootCode ?? user.areaCode;
  const [nodes, setNodes] = useState<Node[]>([]);

  useEffect(() => {
    let live = true;
    getArea(root)
      .then((a) => live && setNodes((prev) => merge(prev, [{ id: a.code, pId: null, value: a.code, title: a.name, fullName: a.name, isLeaf: a.level >= 5 }])))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [root]);

  // Show a preset value (an existing record, or one filled from an ID number) by loading its path.
  useEffect(() => {
    if (!value || nodes.some((n) => n.id === value)) return;
    let live = true;
    getArea(value)
      .then((a) => {
        if (!live) return;
        const path = a.path?.length ? a.path : [{ code: a.code, name: a.name, level: a.level }];
        const add = path.map((p, i) => ({
          id: p.code,
          pId: i === 0 ? null : path[i - 1].code,
          value: p.code,
          title: p.name,
          fullName: path.slice(0, i + 1).map((x) => x.name).join(''),
          isLeaf: p.level >= 5,
        }));
        setNodes((prev) => merge(prev, add));
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
    // Deliberately keyed on the value only: the node list changing must not refetch.
  }, [value]);

  const load = async ({ value: code }: { value?: string | number }) => {
    const parent = String(code);
    const children = await getAreaChildren(parent);
    setNodes((prev) => {
      const deeper = prev.filter((n) => n.pId !== parent);
      const existing = new Map(prev.filter((n) => n.pId === parent).map((n) => [n.id, n]));
      const prefix = prev.find((n) => n.id === parent)?.fullName ?? '';
      return [
        ...deeper,
        ...children.map(
          (c) => existing.get(c.code) ?? { id: c.code, pId: parent, value: c.code, title: c.name, fullName: prefix + c.name, isLeaf: !c.hasChildren },
        ),
      ];
    });
  };

  return (
    <TreeSelect
      treeDataSimpleMode
      treeData={nodes}
      loadData={load}
      value={value}
      onChange={(v: string | undefined) => onChange?.(v)}
      treeDefaultExpandedKeys={[root]}
      showSearch
      treeNodeFilterProp="title"
      treeNodeLabelProp="fullName"
      allowClear={allowClear}
      disabled={disabled}
      placeholder={placeholder ?? t('area.pick')}
      popupMatchSelectWidth={false}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto', minWidth: 320 } } }}
      style={{ width: '100%' }}
      {...rest}
    />
  );
}
