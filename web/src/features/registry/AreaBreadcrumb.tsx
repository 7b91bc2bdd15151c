// Where the list is looking: the path from the user's area down to the selected one.
import { Breadcrumb } from 'antd';
import { useEffect, useState } from 'react';
import { getArea } from './areas.api';
import type { AreaDetail } from './types';

interface Props {
  code: string;
  onSelect: (code: string) => void;
}

export function AreaBreadcrumb({ code, onSelect }: Props) {
  const [area, setArea] = useState<AreaDetail | null>(null);

  useEffect(() => {
    let live = true;
    getArea(code)
      .then((a) => live && setArea(a))
      .catch(() => live && setArea(null));
    return () => {
      live = false;
    };
  }, [code]);

  const path = area?.path?.length ? area.path : area ? [area] : [];
  return (
    <Breadcrumb
      data-testid="area-breadcrumb"
      items={path.map((a, i) =>
        i === path.length - 1
          ? { key: a.code, title: a.name }
          : {
              key: a.code,
              title: (
                <a
                  href="#"
                  onClick={(e) => {
                    e.preventDefault();
                    onSelect(a.code);
                  }}
                >
                  {a.name}
                </a>
              ),
            },
      )}
    />
  );
}
