import { Button, Card, Group, List, Stack, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef, useState } from 'react';
import { useLocation } from 'react-router';
import type { ActivityKind } from '../../../shared/agreements/activities/schemas.ts';
import { agreementWriters } from '../access.ts';
import { activitiesKey, activitiesOf, deleteActivity, type Activity } from '../api/activities.ts';
import type { Agreement } from '../api/client.ts';
import { hasAnyGroup } from '../auth/session.ts';
import { useSession } from '../auth/use-session.ts';
import { newestFirst } from '../forms/activity-draft.ts';
import { useI18n } from '../i18n/language.tsx';
import { ActivityDialog } from './activity-dialog.tsx';
import { ConfirmDialog } from './confirm-dialog.tsx';
import { LoadError, Loading } from './states.tsx';

/** The address the inbox's dormant items and the alert emails link to: `/kerja-sama/{id}#kegiatan`. */
export const ACTIVITIES_ANCHOR = 'kegiatan';

/**
 * "Kegiatan dan evaluasi": the latest evaluation, the activities newest first and, for those the
 * API lets write, recording one (or an evaluation) and deleting one recorded by mistake. Reached
 * by `#kegiatan`, it scrolls into view and its heading takes the focus (a screen reader starts there).
 */
export function Activities({ agreement }: { agreement: Agreement }) {
  const { t, label, date, timestamp } = useI18n();
  const session = useSession();
  const canWrite = hasAnyGroup(session, agreementWriters);
  const activities = useQuery({ queryKey: activitiesKey(agreement.id), queryFn: () => activitiesOf(agreement.id) });
  const [recording, setRecording] = useState<{ opened: boolean; kind: ActivityKind }>({ opened: false, kind: 'MEETING' });
  const [deleting, setDeleting] = useState<{ opened: boolean; activity?: Activity }>({ opened: false });
  const heading = useRef<HTMLHeadingElement>(null);
  const { hash } = useLocation();
  useEffect(() => {
    if (hash !== `#${ACTIVITIES_ANCHOR}`) return;
    heading.current?.scrollIntoView({ block: 'start' });
    heading.current?.focus({ preventScroll: true });
  }, [hash]);

  const queryClient = useQueryClient();
  const remove = useMutation({
    mutationFn: (activity: Activity) => deleteActivity(agreement.id, activity.id),
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: ['agreements'] });
      setDeleting((current) => ({ ...current, opened: false }));
    },
  });
  const evaluation = agreement.evaluation;
  const target = deleting.activity;

  return (
    <Card withBorder component="section" id={ACTIVITIES_ANCHOR} aria-labelledby="kegiatan-title" data-testid="activities">
      <Group justify="space-between" align="flex-start">
        <Title order={2} size="h4" id="kegiatan-title" ref={heading} tabIndex={-1}>
          {t('activitySection')}
        </Title>
        {canWrite && (
          <Group className="no-print" gap="xs">
            <Button variant="outline" onClick={() => setRecording({ opened: true, kind: 'MEETING' })}>
              {t('activityRecord')}
            </Button>
            <Button onClick={() => setRecording({ opened: true, kind: 'EVALUATION' })}>{t('activityEvaluate')}</Button>
          </Group>
        )}
      </Group>
      <Stack mt="xs">
        <Text size="sm" c="gray.7">
          {t('activityIntro')}
        </Text>
        <div data-testid="evaluation">
          <Text fw={600}>{t('activityEvaluationCurrent')}</Text>
          {evaluation ? (
            <>
              <Text>{t('activityEvaluationLine', { decision: label(evaluation.decision), date: date(evaluation.on), who: evaluation.by })}</Text>
              <Text size="sm">{evaluation.reason}</Text>
            </>
          ) : (
            <Text c="gray.7">{t('activityEvaluationNone')}</Text>
          )}
        </div>
        {activities.error ? (
          <LoadError error={activities.error} retry={() => void activities.refetch()} />
        ) : !activities.data ? (
          <Loading />
        ) : activities.data.length === 0 ? (
          <Text c="gray.7">{t('activityNone')}</Text>
        ) : (
          <List listStyleType="none" p={0} spacing="sm" aria-label={t('activityList')} data-testid="activity-list">
            {newestFirst(activities.data).map((activity) => (
              <List.Item key={activity.id} data-kind={activity.kind}>
                <Group justify="space-between" align="flex-start" wrap="nowrap">
                  <Stack gap={2}>
                    <Text fw={600}>
                      {date(activity.on)} · {label(activity.kind)}
                      {activity.decision && ` · ${t('activityDecision')}: ${label(activity.decision)}`}
                    </Text>
                    <Text style={{ whiteSpace: 'pre-line' }}>{activity.description}</Text>
                    {activity.reason && (
                      <Text size="sm" style={{ whiteSpace: 'pre-line' }}>
                        {t('activityReason')}: {activity.reason}
                      </Text>
                    )}
                    {activity.participants.length > 0 && (
                      <Text size="sm">
                        {t('activityParticipants')}: {activity.participants.join('; ')}
                      </Text>
                    )}
                    <Text size="sm" c="gray.7">
                      {t('activityRecordedBy', { who: activity.createdBy, when: timestamp(activity.createdAt) })}
                    </Text>
                  </Stack>
                  {canWrite && (
                    <Button
                      variant="outline"
                      color="red.9"
                      size="xs"
                      className="no-print"
                      aria-label={t('activityDeleteLabel', { kind: label(activity.kind), date: date(activity.on) })}
                      onClick={() => {
                        remove.reset();
                        setDeleting({ opened: true, activity });
                      }}
                    >
                      {t('activityDelete')}
                    </Button>
                  )}
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      {/* Always mounted, so the kit's Modal records the opener and gives it its focus back on close. */}
      {canWrite && <ActivityDialog agreementId={agreement.id} kind={recording.kind} opened={recording.opened} onClose={() => setRecording((current) => ({ ...current, opened: false }))} />}
      {canWrite && (
        <ConfirmDialog
          opened={deleting.opened}
          title={t('activityDeleteTitle')}
          confirmLabel={t('activityDelete')}
          pending={remove.isPending}
          error={remove.error}
          onConfirm={() => target && remove.mutate(target)}
          onClose={() => setDeleting((current) => ({ ...current, opened: false }))}
        >
          {target && (
            <>
              <Text>{t('activityDeleteBody', { kind: label(target.kind), date: date(target.on) })}</Text>
              {evaluation?.activityId === target.id && <Text fw={600}>{t('activityDeleteEvaluation')}</Text>}
            </>
          )}
        </ConfirmDialog>
      )}
    </Card>
  );
}
