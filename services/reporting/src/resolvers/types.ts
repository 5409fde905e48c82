import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { DurationClass } from '../domain/duration-classes.js';

export const DurationClassEnum = {
  SHORT: 'SHORT',
  MEDIUM: 'MEDIUM',
  LONG: 'LONG',
  EXTRA_LONG: 'EXTRA_LONG',
} as const satisfies Record<DurationClass, DurationClass>;
registerEnumType(DurationClassEnum, {
  name: 'DurationClass',
  description:
    'Duration class of an absence, in calendar days from the first sick day (default boundaries as Vernet).',
  valuesConfig: {
    SHORT: { description: '1–7 days by default.' },
    MEDIUM: { description: '8–42 days by default.' },
    LONG: { description: '43–365 days by default.' },
    EXTRA_LONG: { description: 'More than 365 days by default.' },
  },
});

@ObjectType('DurationClassCount', { description: 'Open sick cases in one duration class.' })
export class DurationClassCount {
  @Field(() => DurationClassEnum, { description: 'Which duration class this count is for.' })
  durationClass: DurationClass;

  @Field(() => String, { description: 'Dutch label, e.g. "Kort (1–7 dagen)".' })
  label: string;

  @Field(() => Int, { description: 'First day of the class.' })
  minDays: number;

  @Field(() => Int, {
    nullable: true,
    description: 'Last day of the class; null for the open-ended last class.',
  })
  maxDays: number | null;

  @Field(() => Int, {
    description:
      'Number of sick cases open today whose duration (days since the first sick day, inclusive) falls in this class.',
  })
  count: number;

  @Field(() => Float, { description: 'count / total open cases; 0 when none are open.' })
  share: number;
}
