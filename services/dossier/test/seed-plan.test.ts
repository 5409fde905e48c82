import { DEMO_PERSON_COUNT, demoId, demoPlacement } from '@poortwachter/kit';
import { describe, expect, it } from 'vitest';
import { OPEN_CASE_AGES, ageInDays, buildDemoPlan } from '../src/seed/plan.js';
import { termForNewPeriod } from '../src/domain/term.js';

const TODAY = '2026-03-15';
const plan = buildDemoPlan(TODAY);

describe('demo plan', () => {
  it('is deterministic: same persons, ids and cases on every run', () => {
    expect(buildDemoPlan(TODAY)).toEqual(plan);
    expect(plan.persons).toHaveLength(DEMO_PERSON_COUNT);
    expect(plan.persons.map((person) => person.id)).toEqual(plan.persons.map((_, index) => demoId('person', index + 1)));
    expect(new Set(plan.sickCases.map((sickCase) => sickCase.id)).size).toBe(plan.sickCases.length);
    expect(plan.sickCases.map((sickCase) => sickCase.id)).toEqual(plan.sickCases.map((_, index) => demoId('sick-case', index + 1)));
  });

  it('has Sanne de Vries as person 1 with an open case of seven weeks and two closed earlier ones', () => {
    const sanne = plan.persons[0]!;
    expect(`${sanne.firstName} ${sanne.lastName}`).toBe('Sanne de Vries');
    expect(sanne.employment.employerId).toBe(demoId('employer', 1));
    const cases = plan.sickCases.filter((sickCase) => sickCase.personIndex === 1);
    expect(cases).toHaveLength(3);
    const open = cases.filter((sickCase) => sickCase.recoveredOn === null);
    expect(open).toHaveLength(1);
    expect(ageInDays(open[0]!, TODAY)).toBe(49);
    expect(cases.filter((sickCase) => sickCase.recoveredOn !== null)).toHaveLength(2);
  });

  it('uses Dutch names and places everyone by demoPlacement', () => {
    for (const person of plan.persons) {
      const placement = demoPlacement(person.index);
      expect(person.employment.employerId).toBe(demoId('employer', placement.employerIndex));
      expect(person.employment.departmentId).toBe(demoId('department', placement.departmentIndex));
      expect(person.firstName.length).toBeGreaterThan(0);
      expect(person.postalCode).toMatch(/^\d{4} ?[A-Z]{2}$/);
    }
    expect(plan.persons.some((person) => /^(van|de|van der|van den) /.test(person.lastName))).toBe(true);
  });

  it('has open cases at every trajectory stage and closed ones', () => {
    const openAges = plan.sickCases.filter((sickCase) => !sickCase.recoveredOn).map((sickCase) => ageInDays(sickCase, TODAY));
    for (const stage of [3, 49, 315, 630]) expect(openAges).toContain(stage);
    expect(openAges.length).toBeGreaterThanOrEqual(OPEN_CASE_AGES.length);
    expect(plan.sickCases.filter((sickCase) => sickCase.recoveredOn).length).toBeGreaterThan(50);
  });

  it('contains relapses within 4 weeks that continue the earlier term', () => {
    const relapses = plan.sickCases.filter((sickCase) => sickCase.termStartDay < sickCase.firstSickDay);
    expect(relapses.length).toBeGreaterThan(0);
    const person2Open = plan.sickCases.find((sickCase) => sickCase.personIndex === 2 && !sickCase.recoveredOn)!;
    expect(person2Open.termGapDays).toBe(15);
    expect(person2Open.termStartDay).toBe('2025-12-25');
  });

  it('keeps every person’s cases consistent: no overlap, one open at most, inside the employment, a sound course', () => {
    for (const person of plan.persons) {
      const cases = plan.sickCases.filter((sickCase) => sickCase.personId === person.id);
      expect(cases.filter((sickCase) => !sickCase.recoveredOn).length).toBeLessThanOrEqual(1);
      let previousEnd: string | null = null;
      for (const [position, sickCase] of cases.entries()) {
        expect(sickCase.firstSickDay > person.employment.startDate).toBe(true);
        if (person.employment.endDate) expect(sickCase.recoveredOn! <= person.employment.endDate).toBe(true);
        if (previousEnd) expect(sickCase.firstSickDay >= previousEnd).toBe(true);
        if (sickCase.recoveredOn) expect(sickCase.recoveredOn > sickCase.firstSickDay).toBe(true);
        expect(sickCase.firstSickDay <= TODAY).toBe(true);
        expect(sickCase.course[0]!.from).toBe(sickCase.firstSickDay);
        for (let step = 1; step < sickCase.course.length; step++) {
          expect(sickCase.course[step]!.from > sickCase.course[step - 1]!.from).toBe(true);
        }
        if (sickCase.recoveredOn) expect(sickCase.course.at(-1)).toMatchObject({ from: sickCase.recoveredOn, absencePercentage: 0 });
        expect(position === cases.length - 1 || sickCase.recoveredOn !== null).toBe(true);
        const term = termForNewPeriod(
          sickCase.firstSickDay,
          cases.slice(0, position).map((earlier) => ({ ...earlier })),
        );
        expect({ termStartDay: sickCase.termStartDay, termGapDays: sickCase.termGapDays }).toEqual(term);
        previousEnd = sickCase.recoveredOn;
      }
    }
  });
});
