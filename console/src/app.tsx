import { MantineProvider, createTheme, type CSSVariablesResolver } from '@mantine/core';
import { QueryClientProvider } from '@tanstack/react-query';
import { useEffect } from 'react';
import { RouterProvider } from 'react-router';
import { queryClient } from './api/query-client.ts';
import { onSessionChange } from './auth/session.ts';
import { LanguageProvider } from './i18n/language.tsx';
import { router } from './routes.tsx';

/** Darker primary than Mantine's default blue so that white text on it passes WCAG AA contrast. */
const theme = createTheme({
  primaryColor: 'jalin',
  colors: {
    jalin: ['#e7f0fb', '#c9dcf4', '#a3c3ec', '#7aa8e2', '#4f8bd6', '#2f73c9', '#1c5fb8', '#164e98', '#113d78', '#0b2c58'],
  },
  primaryShade: 7,
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", sans-serif',
});

/** Mantine's dimmed grey (#868e96, 3.3:1 on white) and error red fall under 4.5:1 (WCAG AA): darker ones. */
const cssVariables: CSSVariablesResolver = () => ({ variables: {}, light: { '--mantine-color-dimmed': '#5c636a', '--mantine-color-error': '#b02525' }, dark: {} });

export function App() {
  // Sign-out clears the cache with the session: the next person at a shared PC sees nothing.
  useEffect(() => onSessionChange(() => queryClient.clear()), []);
  return (
    <MantineProvider theme={theme} cssVariablesResolver={cssVariables}>
      <LanguageProvider>
        <QueryClientProvider client={queryClient}>
          <RouterProvider router={router} />
        </QueryClientProvider>
      </LanguageProvider>
    </MantineProvider>
  );
}
