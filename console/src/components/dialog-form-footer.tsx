import { Alert, Button, Group } from '@mantine/core';
import { useI18n } from '../i18n/language.tsx';

/**
 * The end of a form in a dialog: "check the marked fields" once a send found some, the API's
 * error that no field shows, then Cancel and Save, or what the form does (busy while the request is out).
 */
export function DialogFormFooter({ invalid = false, error, pending, onCancel, submitLabel }: { invalid?: boolean; error?: string; pending: boolean; onCancel: () => void; submitLabel?: string }) {
  const { t } = useI18n();
  return (
    <>
      {invalid && (
        <Alert color="red" role="alert" p="xs">
          {t('formInvalid')}
        </Alert>
      )}
      {error && (
        <Alert color="red" role="alert">
          {error}
        </Alert>
      )}
      <Group justify="flex-end">
        <Button variant="outline" onClick={onCancel}>
          {t('cancel')}
        </Button>
        <Button type="submit" loading={pending}>
          {submitLabel ?? t('save')}
        </Button>
      </Group>
    </>
  );
}
