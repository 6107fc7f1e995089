import { Alert, Button } from '@mantine/core';
import { useState } from 'react';
import { downloadFrom } from '../api/export.ts';
import { useI18n } from '../i18n/language.tsx';

/** Downloads an employee's records of a year as XLSX (`GET /employees/{nip}/trainings/export`; an employee: their own). */
export function ExportTrainingsButton({ nip, year }: { nip: string; year: number }) {
  const { t } = useI18n();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string>();
  async function download() {
    setBusy(true);
    setFailure(undefined);
    try {
      await downloadFrom(`/employees/${encodeURIComponent(nip)}/trainings/export?year=${year}&format=xlsx`, `pelatihan-${year}.xlsx`);
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }
  return (
    <>
      <Button variant="outline" className="no-print" loading={busy} onClick={() => void download()}>
        {t('employeeExport')}
      </Button>
      {failure && (
        <Alert color="red" role="alert">
          {failure}
        </Alert>
      )}
    </>
  );
}
