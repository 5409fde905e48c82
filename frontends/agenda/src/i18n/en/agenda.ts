import type { CatalogShape } from '@poortwachter/ui';
import type { agenda as dutch } from '../nl/agenda';

export const agenda: CatalogShape<typeof dutch> = {
  title: 'Agenda',
  intro:
    'Appointments of the occupational physicians and case managers for employees within your authorisation.',
  week: 'Week {{week}}',
  range: '{{from}} to {{to}}',
  previousWeek: 'Previous week',
  nextWeek: 'Next week',
  thisWeek: 'This week',
  weekNavigation: 'Week navigation',
  empty: 'There are no appointments this week.',
  time: '{{start}}–{{end}}',
  professional: 'Professional',
  person: 'Employee',
  location: 'Location',
  video: 'Video call',
  joinVideo: 'Open video call',
  count_one: '{{count}} appointment',
  count_other: '{{count}} appointments',
};
