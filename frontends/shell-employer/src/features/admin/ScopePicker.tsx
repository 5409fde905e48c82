import { useQuery } from '@apollo/client/react';
import { Checkbox, ErrorPanel, LoadingState, Stack, Text, useT } from '@poortwachter/ui';
import { EMPLOYERS, type UnitScope } from './operations';

type Level = keyof UnitScope;

/**
 * Employers, divisions and departments from the dossier, as nested checkboxes. A unit chosen
 * higher up covers everything below it, so the boxes below it are shown checked and disabled.
 */
export function ScopePicker({ value, onChange, error }: { value: UnitScope; onChange: (scope: UnitScope) => void; error?: string }) {
  const t = useT('admin');
  const { data, loading, error: loadError, refetch } = useQuery(EMPLOYERS);
  if (loading && !data) return <LoadingState label={t('scope.loading')} />;
  if (loadError || !data) return <ErrorPanel title={t('scope.legend')} message={t('error.load')} onRetry={() => void refetch()} />;
  const toggle = (level: Level, id: string, checked: boolean) =>
    onChange({ ...value, [level]: checked ? [...value[level], id] : value[level].filter((other) => other !== id) });
  return (
    <fieldset style={{ border: 0, padding: 0, margin: 0, minWidth: 0 }} aria-describedby="pw-scope-help">
      <legend style={{ fontWeight: 600, fontSize: 'var(--mantine-font-size-sm)' }}>{t('scope.legend')}</legend>
      <Text size="xs" c="dimmed" id="pw-scope-help" mb={4}>
        {t('scope.help')}
      </Text>
      {error ? (
        <Text size="sm" c="red.8" role="alert">
          {error}
        </Text>
      ) : null}
      <Stack gap={6}>
        {data.employers.map((employer) => {
          const employerChosen = value.employerIds.includes(employer.id);
          return (
            <Stack key={employer.id} gap={4}>
              <Checkbox label={employer.name} checked={employerChosen} onChange={(e) => toggle('employerIds', employer.id, e.currentTarget.checked)} />
              {employer.divisions.map((division) => {
                const divisionChosen = employerChosen || value.divisionIds.includes(division.id);
                return (
                  <Stack key={division.id} gap={4} pl="lg">
                    <Checkbox
                      label={t('scope.division', { name: division.name })}
                      checked={divisionChosen}
                      disabled={employerChosen}
                      onChange={(e) => toggle('divisionIds', division.id, e.currentTarget.checked)}
                    />
                    {division.departments.map((department) => (
                      <Checkbox
                        key={department.id}
                        pl="lg"
                        label={t('scope.department', { name: department.name })}
                        checked={divisionChosen || value.departmentIds.includes(department.id)}
                        disabled={divisionChosen}
                        onChange={(e) => toggle('departmentIds', department.id, e.currentTarget.checked)}
                      />
                    ))}
                  </Stack>
                );
              })}
            </Stack>
          );
        })}
      </Stack>
    </fieldset>
  );
}

export const EMPTY_SCOPE: UnitScope = { employerIds: [], divisionIds: [], departmentIds: [] };

/** Units hidden under a chosen higher unit are dropped before saving: the higher one covers them. */
export function normalizedScope(scope: UnitScope, employers: { id: string; divisions: { id: string; departments: { id: string }[] }[] }[]): UnitScope {
  const coveredDivisions = new Set(employers.filter((e) => scope.employerIds.includes(e.id)).flatMap((e) => e.divisions.map((d) => d.id)));
  const divisionIds = scope.divisionIds.filter((id) => !coveredDivisions.has(id));
  const chosenDivisions = new Set([...coveredDivisions, ...divisionIds]);
  const coveredDepartments = new Set(
    employers.flatMap((e) => e.divisions).filter((d) => chosenDivisions.has(d.id)).flatMap((d) => d.departments.map((dep) => dep.id)),
  );
  return { employerIds: scope.employerIds, divisionIds, departmentIds: scope.departmentIds.filter((id) => !coveredDepartments.has(id)) };
}
