import type { ValueTransformer } from 'typeorm';

/** pg returns `numeric` as a string to keep precision; hours per week fit a JS number exactly enough. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
