import { Alert, Button, Card, Center, Group, Stack, Text, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router';
import { groups, type Group as UserGroup } from '../../../shared/http/auth.ts';
import { saveSession } from '../auth/session.ts';
import { keepSessionFresh } from '../auth/renewal.ts';
import { PageTitle } from '../components/page-title.tsx';
import { config } from '../config.ts';
import { useI18n } from '../i18n/language.tsx';

/** Where to go after signing in: a console path only, never another origin. */
function safeReturn(value: string | null): string {
  return value && value.startsWith('/') && !value.startsWith('//') ? value : '/';
}

/**
 * `/masuk`. Locally: one button per group, minting the same token as `npm run token` through the
 * local server's own endpoint (it does not exist on AWS). On AWS: Cognito's hosted UI, and the
 * redirect back lands here with `?code=`.
 */
export function SignIn() {
  const { t } = useI18n();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [nip, setNip] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const { auth } = config();
  const returnTo = safeReturn(params.get('kembali'));

  useEffect(() => {
    if (auth.kind !== 'cognito' || !params.get('code')) return;
    void import('../auth/cognito.ts')
      .then(({ finishSignIn }) => finishSignIn(auth))
      .then(({ idToken, returnTo: next }) => {
        saveSession(idToken);
        void keepSessionFresh();
        navigate(safeReturn(next), { replace: true });
      })
      .catch((failure: Error) => setError(failure.message));
  }, [auth, params, navigate]);

  async function signInLocally(group: UserGroup) {
    setBusy(true);
    setError(undefined);
    const response = await fetch('/local/sign-in', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ group, ...(group === 'employee' ? { nip } : {}) }),
    });
    const body = (await response.json()) as { token?: string; detail?: string };
    setBusy(false);
    if (!response.ok || !body.token) {
      setError(body.detail ?? `HTTP ${response.status}`);
      return;
    }
    saveSession(body.token);
    navigate(returnTo, { replace: true });
  }

  async function signInWithCognito() {
    if (auth.kind !== 'cognito') return;
    const { startSignIn } = await import('../auth/cognito.ts');
    await startSignIn(auth, returnTo);
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Card withBorder maw={480} w="100%" padding="lg">
        <Stack>
          <PageTitle>{auth.kind === 'local' ? t('signInTitle') : t('signIn')}</PageTitle>
          {error && (
            <Alert color="red" role="alert" title={t('errorTitle')}>
              {error}
            </Alert>
          )}
          {auth.kind === 'cognito' ? (
            <Button onClick={() => void signInWithCognito()}>{t('signInCognito')}</Button>
          ) : (
            <>
              <Text>{t('signInIntro')}</Text>
              <Group>
                {groups
                  .filter((group) => group !== 'employee')
                  .map((group) => (
                    <Button key={group} disabled={busy} onClick={() => void signInLocally(group)}>
                      {group}
                    </Button>
                  ))}
              </Group>
              <TextInput
                label={t('nipLabel')}
                description={t('nipHint')}
                inputMode="numeric"
                autoComplete="off"
                value={nip}
                onChange={(event) => setNip(event.currentTarget.value.trim())}
              />
              <Button variant="outline" disabled={busy} onClick={() => void signInLocally('employee')}>
                employee
              </Button>
            </>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
