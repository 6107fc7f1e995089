import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a detail page's description list (`<dl>`); a dash when empty. */
export function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <Text size="sm" c="dark.6" component="dt">
        {term}
      </Text>
      <Text component="dd" m={0}>
        {children || '—'}
      </Text>
    </div>
  );
}
