import { Text } from '@mantine/core';
import type { ReactNode } from 'react';

/** One term and its value in a `<dl>` of facts (an agreement's, an employee's, a year's figures); a dash when empty. */
export function Fact({ term, children, strong = false }: { term: string; children: ReactNode; strong?: boolean }) {
  return (
    <div>
      <Text size="sm" c="dark.6" component="dt">
        {term}
      </Text>
      <Text component="dd" m={0} fw={strong ? 600 : undefined}>
        {children || '—'}
      </Text>
    </div>
  );
}
