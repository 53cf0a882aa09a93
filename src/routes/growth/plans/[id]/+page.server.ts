import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { z } from 'zod';
import type { Actions, PageServerLoad } from './$types';
import { m } from '$lib/paraglide/messages';
import { authorize } from '$lib/server/authz';
import { setFlash } from '$lib/server/flash';
import { parseForm } from '$lib/server/forms';
import {
	addActivity,
	addCheckIn,
	addGoal,
	commentOnPlan,
	deletePlan,
	getPlan,
	levelOptions,
	listTracks,
	refuseGrowth,
	removeGoal,
	setActivityDone,
	setGoalDone,
	sharePlan,
	shareCandidates,
	unsharePlan,
	updatePlan,
	type GrowthResult
} from '$lib/server/growth';
import type { Actor } from '$lib/server/authz';
import {
	activityIdSchema,
	activitySchema,
	checkInSchema,
	commentSchema,
	doneSchema,
	goalIdSchema,
	goalSchema,
	planSchema,
	shareSchema
} from '$lib/schemas/growth';

export const load: PageServerLoad = async ({ locals, url, params }) => {
	const actor = authorize(locals, url, 'growth.use');
	const plan = await getPlan(actor, params.id);
	// A plan nobody shared with you does not exist for you: 404, never 403.
	if (!plan) error(404);
	const [tracks, candidates] = plan.canEdit ? await Promise.all([listTracks(), shareCandidates(actor)]) : [[], []];
	return { plan, levels: levelOptions(tracks), candidates, today: new Date().toISOString().slice(0, 10) };
};

/**
 * Every action on a plan: parse, let the domain decide (owner only, or readers for comments),
 * then back to the plan with a flash. 404 when the plan is not there for this person.
 */
function planAction<S extends z.ZodType>(
	schema: S,
	change: (actor: Actor, planId: string, input: z.output<S>) => Promise<GrowthResult>,
	flash: () => string = m.flash_saved,
	after: (planId: string) => string = (planId) => `/growth/plans/${planId}`
) {
	return async ({ locals, url, request, cookies, params }: RequestEvent<{ id: string }>) => {
		const actor = authorize(locals, url, 'growth.use');
		const parsed = parseForm(schema, await request.formData());
		if (!parsed.ok) return parsed.failure;
		const result = await change(actor, params.id, parsed.data);
		if (!result.ok) return refuseGrowth(parsed.values, result);
		setFlash(cookies, flash());
		redirect(303, after(params.id));
	};
}

const goalDoneSchema = z.object({ ...goalIdSchema.shape, ...doneSchema.shape });
const activityDoneSchema = z.object({ ...activityIdSchema.shape, ...doneSchema.shape });

export const actions: Actions = {
	save: planAction(planSchema, updatePlan),
	delete: planAction(z.object({}), deletePlan, m.growth_flash_plan_deleted, () => '/growth'),
	goal: planAction(goalSchema, addGoal),
	goalDone: planAction(goalDoneSchema, (actor, planId, input) => setGoalDone(actor, planId, input.goalId, input.done)),
	goalRemove: planAction(goalIdSchema, (actor, planId, input) => removeGoal(actor, planId, input.goalId)),
	checkIn: planAction(checkInSchema, addCheckIn),
	activity: planAction(activitySchema, addActivity),
	activityDone: planAction(activityDoneSchema, (actor, planId, input) => setActivityDone(actor, planId, input.activityId, input.done)),
	share: planAction(shareSchema, (actor, planId, input) => sharePlan(actor, planId, input.personId), m.growth_flash_shared),
	unshare: planAction(shareSchema, (actor, planId, input) => unsharePlan(actor, planId, input.personId), m.growth_flash_unshared),
	comment: planAction(commentSchema, (actor, planId, input) => commentOnPlan(actor, planId, input.body))
};
