import { domainError, type ServiceDeps, type SubgraphContext } from '@poortwachter/kit';
import { DateTimeResolver } from 'graphql-scalars';
import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, registerEnumType, Resolver } from 'type-graphql';
import {
  DASHBOARD_WIDGETS,
  dashboardSettingsOf,
  recentDossiers,
  RECENT_DOSSIERS_DAYS,
  requireDashboardUser,
  saveDashboard,
  saveUnitSelection,
  validateDashboardPatch,
  validateUnitSelection,
  type DashboardSettingsValues,
  type DashboardWidget,
} from '../settings-dashboard.js';
import { PersonRef } from './types.js';

const DashboardWidgetEnum = Object.fromEntries(DASHBOARD_WIDGETS.map((widget) => [widget, widget])) as Record<DashboardWidget, DashboardWidget>;
registerEnumType(DashboardWidgetEnum, {
  name: 'DashboardWidget',
  description: 'A widget of "Mijn Dashboard".',
  valuesConfig: {
    ACTION_LIST: { description: 'Actielijst: the open activities of your role.' },
    CURRENT_ABSENCE: { description: 'Actueel verzuim: the persons absent today.' },
    SICK_REPORT: { description: 'Ziek melden: report a person sick.' },
    RECENT_DOSSIERS: { description: 'Recente dossiers: the persons whose dossier you opened lately.' },
    OPEN_ABSENCE_ANALYSIS: { description: 'Analyse openstaand verzuim: open absence by duration class.' },
    MONTHLY_ABSENCE_PERCENTAGE: { description: 'Verzuimpercentage per maand: a bar chart with a table alternative.' },
    MANAGEMENT_REPORTS: { description: 'Management rapportages: links to the reports.' },
  },
});

const LIMIT = { default: 10, max: 50 } as const;

@ObjectType('UnitSelection', { description: 'The company unit a user works in on the dashboard: an employer, optionally one division and one department.' })
export class UnitSelectionType {
  @Field(() => ID, { description: 'The employer.' })
  employerId: string;

  @Field(() => ID, { nullable: true, description: 'A division of that employer; null for the whole employer.' })
  divisionId: string | null;

  @Field(() => ID, { nullable: true, description: 'A department of that division; null for the whole division.' })
  departmentId: string | null;
}

@ObjectType('DashboardSettings', { description: 'The signed-in user\'s "Mijn Dashboard": widgets, their order, and the chosen company unit.' })
export class DashboardSettings {
  @Field(() => [DashboardWidgetEnum], { description: 'The widgets shown, top to bottom; until changed, every widget of the role except the management reports.' })
  widgets: DashboardWidget[];

  @Field(() => [DashboardWidgetEnum], { description: 'Every widget the role may place (each asks only what the role may see).' })
  availableWidgets: DashboardWidget[];

  @Field(() => Int, { description: 'How many days back "Recente dossiers" looks (1–365; default 14).' })
  recentDossiersDays: number;

  @Field(() => UnitSelectionType, {
    nullable: true,
    description: 'The remembered company unit that filters every widget and list; null for all your units (or when your scope no longer covers it).',
  })
  unit: UnitSelectionType | null;
}

@ObjectType('RecentDossier', { description: 'A person whose dossier the signed-in user opened.' })
export class RecentDossier {
  @Field(() => PersonRef, { nullable: true, description: 'The person; null when no longer visible to you.' })
  person: PersonRef;

  @Field(() => DateTimeResolver, { description: 'When you last opened the dossier.' })
  openedAt: Date;
}

@InputType('UpdateMyDashboardInput', { description: 'Only the given settings change.' })
export class UpdateMyDashboardInput {
  @Field(() => [DashboardWidgetEnum], {
    nullable: true,
    description: 'The widgets to show, in order; each at most once and available to your role (else BAD_USER_INPUT, field input.widgets).',
  })
  widgets?: DashboardWidget[] | null;

  @Field(() => Int, { nullable: true, description: 'Days back for "Recente dossiers", 1–365 (else BAD_USER_INPUT, field input.recentDossiersDays).' })
  recentDossiersDays?: number | null;
}

@InputType('SelectMyUnitInput', { description: 'A company unit from your scope: an employer, optionally a division of it and a department of that.' })
export class SelectMyUnitInput {
  @Field(() => ID, { description: 'The employer (required).' })
  employerId: string;

  @Field(() => ID, { nullable: true, description: 'A division of the employer.' })
  divisionId?: string | null;

  @Field(() => ID, { nullable: true, description: 'A department of the division (needs divisionId).' })
  departmentId?: string | null;
}

function toSettings(values: DashboardSettingsValues): DashboardSettings {
  return Object.assign(new DashboardSettings(), {
    widgets: values.widgets,
    availableWidgets: values.available,
    recentDossiersDays: values.recentDossiersDays,
    unit: values.unit ? Object.assign(new UnitSelectionType(), values.unit) : null,
  });
}

/** "Mijn Dashboard" and "Mijn instellingen" of the employer shell's users, stored per user. */
@Resolver()
export class DashboardResolver {
  constructor(private readonly deps: ServiceDeps) {}

  @Query(() => DashboardSettings, { description: 'Your dashboard: widgets, their order, the "Recente dossiers" period and the chosen unit. Employees and partner clients: FORBIDDEN.' })
  async myDashboard(@Ctx() ctx: SubgraphContext): Promise<DashboardSettings> {
    return toSettings(await dashboardSettingsOf(this.deps.dataSource.manager, ctx.actor));
  }

  @Mutation(() => DashboardSettings, { description: 'Changes the widgets, their order or the "Recente dossiers" period. Errors: BAD_USER_INPUT (with the field), FORBIDDEN.' })
  async updateMyDashboard(
    @Arg('input', () => UpdateMyDashboardInput, { description: 'The settings to change; omitted ones stay as they are.' }) input: UpdateMyDashboardInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DashboardSettings> {
    const { userId, role } = requireDashboardUser(ctx.actor);
    const patch = validateDashboardPatch(role, input);
    return this.deps.dataSource.transaction(async (manager) => {
      await saveDashboard(manager, userId, patch);
      return toSettings(await dashboardSettingsOf(manager, ctx.actor));
    });
  }

  @Mutation(() => DashboardSettings, {
    description:
      'Remembers the company unit that filters your widgets and lists; null for all your units. ' +
      'Errors: BAD_USER_INPUT (malformed id, a department without its division), FORBIDDEN (outside your scope).',
  })
  async selectMyUnit(
    @Arg('input', () => SelectMyUnitInput, { nullable: true, description: 'The unit; omit or null for all your units.' }) input: SelectMyUnitInput | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DashboardSettings> {
    const { userId } = requireDashboardUser(ctx.actor);
    const unit = input ? validateUnitSelection(ctx.actor, input) : null;
    return this.deps.dataSource.transaction(async (manager) => {
      await saveUnitSelection(manager, userId, unit);
      return toSettings(await dashboardSettingsOf(manager, ctx.actor));
    });
  }

  @Query(() => [RecentDossier], {
    description: '"Recente dossiers": the persons whose dossier you opened within your period (see myDashboard), most recent first, from the access log.',
  })
  async myRecentDossiers(
    @Arg('limit', () => Int, { defaultValue: LIMIT.default, description: `How many, 1 to ${LIMIT.max}.` }) limit: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RecentDossier[]> {
    const { userId } = requireDashboardUser(ctx.actor);
    if (!Number.isInteger(limit) || limit < 1 || limit > LIMIT.max) {
      throw domainError('BAD_USER_INPUT', `limit must be 1 to ${LIMIT.max}.`, { field: 'limit' });
    }
    const settings = await dashboardSettingsOf(this.deps.dataSource.manager, ctx.actor);
    const rows = await recentDossiers(this.deps.dataSource.manager, userId, settings.recentDossiersDays ?? RECENT_DOSSIERS_DAYS.default, limit);
    return rows.map((row) => Object.assign(new RecentDossier(), { person: Object.assign(new PersonRef(), { id: row.personId }), openedAt: row.openedAt }));
  }
}
