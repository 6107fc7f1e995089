import { Anchor, Button, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import type { Training } from '../api/employees.ts';
import { useI18n } from '../i18n/language.tsx';
import type { MessageKey } from '../i18n/messages.ts';

const methodWords: Record<Training['method'], MessageKey> = { CLASSICAL: 'employeeMethodClassical', NON_CLASSICAL: 'employeeMethodNonClassical' };

/**
 * A year's training records with their certificates. `onDelete` (training-admin) adds a delete
 * button to each record that may be deleted on its own: a program's participation is removed
 * with the participant, so it links to its program instead (`linkPrograms`, staff only).
 */
export function TrainingRecords({ trainings, year, onDelete, linkPrograms = false }: { trainings: Training[]; year: number; onDelete?: (training: Training) => void; linkPrograms?: boolean }) {
  const { t, date, number } = useI18n();
  if (trainings.length === 0) return <Text c="dark.6">{t('employeeRecordsNone', { year: String(year) })}</Text>;
  const total = trainings.reduce((sum, training) => sum + training.hours, 0);
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped data-testid="training-records">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('employeeColTraining')}</Table.Th>
            <Table.Th scope="col">{t('employeeColProvider')}</Table.Th>
            <Table.Th scope="col">{t('employeeColMethod')}</Table.Th>
            <Table.Th scope="col">{t('employeeColDates')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('employeeColHours')}
            </Table.Th>
            <Table.Th scope="col">{t('employeeColCertificate')}</Table.Th>
            {onDelete && (
              <Table.Th scope="col" className="no-print">
                {t('employeeColActions')}
              </Table.Th>
            )}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {trainings.map((training) => (
            <Table.Tr key={training.id}>
              <Table.Td>
                {training.title}
                {training.programId && (
                  <Text size="xs" c="dark.6">
                    {linkPrograms ? (
                      <Anchor component={Link} to={`/program-pelatihan/${training.programId}`} size="xs" td="underline">
                        {t('employeeFromProgram')}
                      </Anchor>
                    ) : (
                      t('employeeFromProgram')
                    )}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{training.provider}</Table.Td>
              <Table.Td>{t(methodWords[training.method])}</Table.Td>
              <Table.Td>{training.startsOn === training.endsOn ? date(training.endsOn) : `${date(training.startsOn)} – ${date(training.endsOn)}`}</Table.Td>
              <Table.Td ta="right" className="days-left">
                {number(training.hours)}
              </Table.Td>
              <Table.Td>{training.certificateNumber ?? '—'}</Table.Td>
              {onDelete && (
                <Table.Td className="no-print">
                  {!training.programId && (
                    <Button size="xs" variant="outline" color="red.9" onClick={() => onDelete(training)} aria-label={t('employeeDeleteTrainingLabel', { title: training.title })}>
                      {t('employeeDeleteTraining')}
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
        <Table.Tfoot>
          <Table.Tr>
            <Table.Th scope="row" colSpan={4}>
              {t('employeeSummaryHours')}
            </Table.Th>
            <Table.Td ta="right" fw={700} className="days-left" data-testid="records-total">
              {number(total)}
            </Table.Td>
            <Table.Td colSpan={onDelete ? 2 : 1} />
          </Table.Tr>
        </Table.Tfoot>
      </Table>
    </Table.ScrollContainer>
  );
}
